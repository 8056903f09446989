/*
 * Sorting through comparator callbacks: a generic merge sort (insertion sort below 12
 * elements) and a generic quicksort (median of three), both qsort-style: element size plus
 * an int (*)(const void *, const void *) comparator, so every comparison is an indirect call
 * (call_indirect in WebAssembly). Sorts generated records by several keys, plus wasi-libc's
 * own qsort on integers, and checks every result.
 *
 *   callback_sort [records=20000] [rounds=3]
 *
 * Prints an order hash per sort and the number of comparator calls.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef int (*cmp_fn)(const void *, const void *);

typedef struct {
    int32_t id;
    int32_t group;
    double score;
    char name[12];
} record_t;

static unsigned long compares;

static int by_id(const void *a, const void *b) {
    compares++;
    int32_t x = ((const record_t *) a)->id, y = ((const record_t *) b)->id;
    return (x > y) - (x < y);
}

static int by_score_desc(const void *a, const void *b) {
    compares++;
    double x = ((const record_t *) a)->score, y = ((const record_t *) b)->score;
    return (x < y) - (x > y);
}

static int by_name_then_id(const void *a, const void *b) {
    compares++;
    const record_t *x = a, *y = b;
    int c = strcmp(x->name, y->name);
    if (c) {
        return c;
    }
    return (x->id > y->id) - (x->id < y->id);
}

static int by_group_then_score(const void *a, const void *b) {
    compares++;
    const record_t *x = a, *y = b;
    if (x->group != y->group) {
        return x->group < y->group ? -1 : 1;
    }
    return (x->score > y->score) - (x->score < y->score);
}

static int int_asc(const void *a, const void *b) {
    compares++;
    int32_t x = *(const int32_t *) a, y = *(const int32_t *) b;
    return (x > y) - (x < y);
}

static void swap_bytes(char *a, char *b, size_t size) {
    char tmp[64];
    while (size) {
        size_t n = size < sizeof tmp ? size : sizeof tmp;
        memcpy(tmp, a, n);
        memcpy(a, b, n);
        memcpy(b, tmp, n);
        a += n;
        b += n;
        size -= n;
    }
}

static void insertion_sort(char *base, size_t n, size_t size, cmp_fn cmp) {
    for (size_t i = 1; i < n; i++) {
        for (size_t j = i; j > 0 && cmp(base + (j - 1) * size, base + j * size) > 0; j--) {
            swap_bytes(base + (j - 1) * size, base + j * size, size);
        }
    }
}

static void merge_sort_rec(char *base, char *tmp, size_t n, size_t size, cmp_fn cmp) {
    if (n < 12) {
        insertion_sort(base, n, size, cmp);
        return;
    }
    size_t half = n / 2;
    merge_sort_rec(base, tmp, half, size, cmp);
    merge_sort_rec(base + half * size, tmp, n - half, size, cmp);
    if (cmp(base + (half - 1) * size, base + half * size) <= 0) {
        return;
    }
    memcpy(tmp, base, half * size);
    size_t i = 0, j = half, k = 0;
    while (i < half && j < n) {
        if (cmp(tmp + i * size, base + j * size) <= 0) {
            memcpy(base + k++ * size, tmp + i++ * size, size);
        } else {
            memcpy(base + k++ * size, base + j++ * size, size);
        }
    }
    while (i < half) {
        memcpy(base + k++ * size, tmp + i++ * size, size);
    }
}

/* stable */
static void merge_sort(void *base, size_t n, size_t size, cmp_fn cmp) {
    char *tmp = malloc((n / 2 + 1) * size);
    merge_sort_rec(base, tmp, n, size, cmp);
    free(tmp);
}

static void quick_sort(char *base, size_t n, size_t size, cmp_fn cmp) {
    while (n > 16) {
        char *lo = base, *mid = base + (n / 2) * size, *hi = base + (n - 1) * size;
        if (cmp(mid, lo) < 0) swap_bytes(mid, lo, size);
        if (cmp(hi, mid) < 0) {
            swap_bytes(hi, mid, size);
            if (cmp(mid, lo) < 0) swap_bytes(mid, lo, size);
        }
        swap_bytes(mid, base + (n - 2) * size, size);  /* pivot out of the way */
        char *pivot = base + (n - 2) * size;
        size_t i = 0, j = n - 2;
        for (;;) {
            while (cmp(base + ++i * size, pivot) < 0) {
            }
            while (j > 0 && cmp(pivot, base + --j * size) < 0) {
            }
            if (i >= j) {
                break;
            }
            swap_bytes(base + i * size, base + j * size, size);
        }
        swap_bytes(base + i * size, pivot, size);
        /* recurse into the smaller part, loop on the larger */
        if (i < n - i - 1) {
            quick_sort(base, i, size, cmp);
            base += (i + 1) * size;
            n -= i + 1;
        } else {
            quick_sort(base + (i + 1) * size, n - i - 1, size, cmp);
            n = i;
        }
    }
    insertion_sort(base, n, size, cmp);
}

static int sorted(const void *base, size_t n, size_t size, cmp_fn cmp) {
    const char *p = base;
    for (size_t i = 1; i < n; i++) {
        if (cmp(p + (i - 1) * size, p + i * size) > 0) {
            return 0;
        }
    }
    return 1;
}

static uint32_t order_hash(const record_t *r, size_t n) {
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) {
        h = (h ^ (uint32_t) r[i].id) * 16777619u;
    }
    return h;
}

static uint32_t state = 1u;

static uint32_t rnd(void) {
    state = state * 1664525u + 1013904223u;
    return state;
}

static void generate(record_t *r, size_t n) {
    static const char *syll[] = {"ka", "lo", "mi", "ne", "su", "ta", "ri", "po", "va", "ze"};
    for (size_t i = 0; i < n; i++) {
        r[i].id = (int32_t) (rnd() >> 1);
        r[i].group = (int32_t) (rnd() >> 24) % 16;
        r[i].score = (double) (rnd() >> 8) / 65536.0 - 128.0;
        uint32_t s = rnd();
        snprintf(r[i].name, sizeof r[i].name, "%s%s%s", syll[s % 10], syll[(s >> 8) % 10], syll[(s >> 16) % 4]);
    }
}

int main(int argc, char **argv) {
    long n = argc > 1 ? atol(argv[1]) : 20000;
    int rounds = argc > 2 ? atoi(argv[2]) : 3;
    if (n < 2 || n > 5000000 || rounds < 1 || rounds > 1000) {
        fprintf(stderr, "arguments out of range\n");
        return 1;
    }
    record_t *r = malloc((size_t) n * sizeof *r);
    int32_t *ints = malloc((size_t) n * sizeof *ints);
    static const struct {
        const char *name;
        cmp_fn cmp;
    } keys[] = {{"id", by_id}, {"score", by_score_desc}, {"name", by_name_then_id}, {"group", by_group_then_score}};
    uint32_t total = 0;
    int ok = 1;
    printf("callback_sort records=%ld rounds=%d\n", n, rounds);
    for (int round = 0; round < rounds; round++) {
        for (int k = 0; k < 4; k++) {
            generate(r, (size_t) n);
            unsigned long before = compares;
            if ((k + round) % 2 == 0) {
                merge_sort(r, (size_t) n, sizeof *r, keys[k].cmp);
            } else {
                quick_sort((char *) r, (size_t) n, sizeof *r, keys[k].cmp);
            }
            int good = sorted(r, (size_t) n, sizeof *r, keys[k].cmp);
            ok &= good;
            uint32_t h = order_hash(r, (size_t) n);
            total = (total ^ h) * 16777619u;
            if (round == 0) {
                printf("%-6s %s hash=%08x compares=%lu %s\n", keys[k].name, k % 2 == 0 ? "merge" : "quick", h,
                       compares - before, good ? "sorted" : "NOT SORTED");
            }
        }
        for (long i = 0; i < n; i++) {
            ints[i] = (int32_t) rnd();
        }
        qsort(ints, (size_t) n, sizeof *ints, int_asc);
        ok &= sorted(ints, (size_t) n, sizeof *ints, int_asc);
        total = (total ^ (uint32_t) ints[n / 2]) * 16777619u;
    }
    printf("libc qsort median=%d\n", ints[n / 2]);
    printf("total hash=%08x compares=%lu %s\n", total, compares, ok ? "ok" : "FAILED");
    free(r);
    free(ints);
    return ok ? 0 : 1;
}
