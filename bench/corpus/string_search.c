// string_search: a generated text (words over a small alphabet) searched for patterns: counts of
// a byte, of each pattern's occurrences (candidate positions by comparing the first and last
// pattern bytes over the whole text, then a check), line lengths, case folding. Plain byte loops
// that clang vectorises with -msimd128. Written for Weft's benchmarks.
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint32_t seed = 777;
static uint32_t next(void) {
    seed = seed * 1103515245u + 12345u;
    return seed >> 10;
}

static uint32_t count_byte(const uint8_t *s, int n, uint8_t c) {
    uint32_t k = 0;
    for (int i = 0; i < n; i++) {
        k += s[i] == c;
    }
    return k;
}

/** Occurrences of pat (length m >= 2) in s: candidates where the first and last bytes match. */
static uint32_t count_pattern(const uint8_t *s, int n, const uint8_t *pat, int m, uint8_t *cand) {
    uint8_t first = pat[0], last = pat[m - 1];
    int limit = n - m + 1;
    for (int i = 0; i < limit; i++) {
        cand[i] = (uint8_t) ((s[i] == first) & (s[i + m - 1] == last));
    }
    uint32_t k = 0;
    for (int i = 0; i < limit; i++) {
        if (cand[i] && memcmp(s + i + 1, pat + 1, (size_t) (m - 2)) == 0) {
            k++;
        }
    }
    return k;
}

static void upper(uint8_t *s, int n) {
    for (int i = 0; i < n; i++) {
        uint8_t c = s[i];
        s[i] = (uint8_t) (c - ((c >= 'a' && c <= 'z') ? 32 : 0));
    }
}

int main(int argc, char **argv) {
    int kib = argc > 1 ? atoi(argv[1]) : 512;
    int rounds = argc > 2 ? atoi(argv[2]) : 4;
    int n = kib * 1024;
    uint8_t *text = malloc(n), *cand = malloc(n);
    static const char alphabet[] = "etaoinshrdlucmfw";
    for (int i = 0; i < n; i++) {
        uint32_t r = next();
        text[i] = (uint8_t) (r % 7 == 0 ? ' ' : r % 61 == 0 ? '\n' : alphabet[(r >> 3) & 15]);
    }
    static const char *patterns[] = {"the", "and", "tion", "eat", "sh", "in the", "rdlu", "ee"};
    uint32_t total = 0;
    for (int r = 0; r < rounds; r++) {
        for (int p = 0; p < 8; p++) {
            uint32_t k = count_pattern(text, n, (const uint8_t *) patterns[p], (int) strlen(patterns[p]), cand);
            total += k;
            if (r == 0) {
                printf("%-7s %u\n", patterns[p], k);
            }
        }
        total += count_byte(text, n, ' ') + count_byte(text, n, '\n');
    }
    upper(text, n);
    uint32_t hash = 2166136261u;
    for (int i = 0; i < n; i++) {
        hash = (hash ^ text[i]) * 16777619u;
    }
    printf("%d KiB, %d rounds: total %u, upper-case hash %08x\n", kib, rounds, total, hash);
    free(text);
    free(cand);
    return 0;
}
