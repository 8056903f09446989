// dot_matrix: integer and float kernels: i32 dot products, an i32 matrix product (i-k-j order,
// the inner loop over a row), an f32 matrix product and a saxpy; checksums of every result. The
// float loops vectorise without reassociation (each output element is summed in the same order),
// so the SIMD and scalar builds print the same bits. Written for Weft's benchmarks.
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint32_t seed = 4242;
static uint32_t next(void) {
    seed = seed * 1664525u + 1013904223u;
    return seed >> 9;
}

static int32_t dot(const int32_t *a, const int32_t *b, int n) {
    int32_t s = 0;
    for (int i = 0; i < n; i++) {
        s += a[i] * b[i];
    }
    return s;
}

static void matmul_i32(const int32_t *a, const int32_t *b, int32_t *c, int n) {
    memset(c, 0, sizeof(int32_t) * n * n);
    for (int i = 0; i < n; i++) {
        for (int k = 0; k < n; k++) {
            int32_t x = a[i * n + k];
            const int32_t *br = b + k * n;
            int32_t *cr = c + i * n;
            for (int j = 0; j < n; j++) {
                cr[j] += x * br[j];
            }
        }
    }
}

static void matmul_f32(const float *a, const float *b, float *c, int n) {
    memset(c, 0, sizeof(float) * n * n);
    for (int i = 0; i < n; i++) {
        for (int k = 0; k < n; k++) {
            float x = a[i * n + k];
            const float *br = b + k * n;
            float *cr = c + i * n;
            for (int j = 0; j < n; j++) {
                cr[j] += x * br[j];
            }
        }
    }
}

static void saxpy(float *y, const float *x, float a, int n) {
    for (int i = 0; i < n; i++) {
        y[i] = a * x[i] + y[i];
    }
}

int main(int argc, char **argv) {
    int n = argc > 1 ? atoi(argv[1]) : 128;
    int rounds = argc > 2 ? atoi(argv[2]) : 4;
    int nn = n * n;
    int32_t *a = malloc(sizeof(int32_t) * nn), *b = malloc(sizeof(int32_t) * nn), *c = malloc(sizeof(int32_t) * nn);
    float *fa = malloc(sizeof(float) * nn), *fb = malloc(sizeof(float) * nn), *fc = malloc(sizeof(float) * nn);
    for (int i = 0; i < nn; i++) {
        a[i] = (int32_t) (next() % 201) - 100;
        b[i] = (int32_t) (next() % 201) - 100;
        fa[i] = (float) ((int32_t) (next() % 2001) - 1000) / 256.0f;
        fb[i] = (float) ((int32_t) (next() % 2001) - 1000) / 512.0f;
    }
    uint32_t hash = 2166136261u;
    int64_t dots = 0;
    for (int r = 0; r < rounds; r++) {
        for (int i = 0; i < n; i++) {
            dots += dot(a + i * n, b + ((i + r) % n) * n, n);
        }
        matmul_i32(a, b, c, n);
        matmul_f32(fa, fb, fc, n);
        saxpy(fb, fc, 1.0f / 1024.0f, nn);
        for (int i = 0; i < nn; i++) {
            uint32_t bits;
            memcpy(&bits, &fc[i], 4);
            hash = (hash ^ (uint32_t) c[i]) * 16777619u;
            hash = (hash ^ bits) * 16777619u;
        }
        a[r % nn] += 1;
    }
    printf("n=%d, %d rounds: dots %lld, hash %08x, c[0] %d, fc[last] %a\n", n, rounds, (long long) dots, hash, c[0],
           (double) fc[nn - 1]);
    free(a); free(b); free(c); free(fa); free(fb); free(fc);
    return 0;
}
