// image_filter: a generated 8-bit grayscale image through a 3x3 box blur, a brightness/contrast
// adjustment with saturation, a threshold and a histogram; prints checksums. Plain loops over
// bytes that clang vectorises with -msimd128. Written for Weft's benchmarks.
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static uint32_t seed = 12345;
static uint32_t next(void) {
    seed = seed * 1664525u + 1013904223u;
    return seed >> 8;
}

static void blur(const uint8_t *in, uint8_t *out, int w, int h) {
    for (int y = 1; y < h - 1; y++) {
        const uint8_t *a = in + (y - 1) * w, *b = in + y * w, *c = in + (y + 1) * w;
        uint8_t *o = out + y * w;
        for (int x = 1; x < w - 1; x++) {
            uint16_t s = (uint16_t) (a[x - 1] + a[x] + a[x + 1] + b[x - 1] + b[x] + b[x + 1] + c[x - 1] + c[x] + c[x + 1]);
            o[x] = (uint8_t) ((s * 7282u) >> 16); // s / 9
        }
    }
}

static void adjust(uint8_t *p, int n, int gain, int bias) {
    for (int i = 0; i < n; i++) {
        int v = ((p[i] * gain) >> 4) + bias;
        p[i] = (uint8_t) (v < 0 ? 0 : v > 255 ? 255 : v);
    }
}

static uint32_t threshold(const uint8_t *p, uint8_t *mask, int n, uint8_t t) {
    uint32_t count = 0;
    for (int i = 0; i < n; i++) {
        mask[i] = p[i] > t ? 255 : 0;
        count += mask[i] & 1;
    }
    return count;
}

int main(int argc, char **argv) {
    int size = argc > 1 ? atoi(argv[1]) : 512;
    int rounds = argc > 2 ? atoi(argv[2]) : 8;
    int n = size * size;
    uint8_t *img = malloc(n), *tmp = calloc(n, 1), *mask = malloc(n);
    for (int i = 0; i < n; i++) {
        img[i] = (uint8_t) (next() & 0xFF);
    }
    uint32_t total = 0;
    for (int r = 0; r < rounds; r++) {
        blur(img, tmp, size, size);
        adjust(tmp, n, 18 + r % 5, -12 + r);
        total += threshold(tmp, mask, n, (uint8_t) (100 + r * 3));
        uint8_t *t = img;
        img = tmp;
        tmp = t;
    }
    uint32_t hist[16] = {0};
    uint32_t hash = 2166136261u;
    for (int i = 0; i < n; i++) {
        hist[img[i] >> 4]++;
        hash = (hash ^ img[i]) * 16777619u;
    }
    printf("image %dx%d, %d rounds: %u pixels over threshold, hash %08x\n", size, size, rounds, total, hash);
    for (int i = 0; i < 16; i++) {
        printf("%u%c", hist[i], i == 15 ? '\n' : ' ');
    }
    free(img);
    free(tmp);
    free(mask);
    return 0;
}
