/*
 * Deep and branching recursion: Ackermann's function (call depth in the thousands), building
 * and checking complete binary trees of malloc'd nodes, the n-queens count by backtracking, and
 * a recursive-descent evaluator of generated arithmetic expressions.
 *
 *   deep_recursion [scale=8]
 *
 * Prints each result; all are exact integers.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static long calls;
static int max_depth, depth;

static uint32_t ackermann(uint32_t m, uint32_t n) {
    calls++;
    if (++depth > max_depth) {
        max_depth = depth;
    }
    uint32_t r;
    if (m == 0) {
        r = n + 1;
    } else if (n == 0) {
        r = ackermann(m - 1, 1);
    } else {
        r = ackermann(m - 1, ackermann(m, n - 1));
    }
    depth--;
    return r;
}

typedef struct tree {
    struct tree *left, *right;
    int32_t value;
} tree_t;

static tree_t *build(int d, int32_t value) {
    tree_t *t = malloc(sizeof *t);
    if (!t) {
        fprintf(stderr, "out of memory\n");
        exit(2);
    }
    t->value = value;
    if (d > 0) {
        t->left = build(d - 1, 2 * value - 1);
        t->right = build(d - 1, 2 * value);
    } else {
        t->left = t->right = NULL;
    }
    return t;
}

static int64_t check(const tree_t *t) {
    return t->left ? t->value + check(t->left) - check(t->right) : t->value;
}

static void release(tree_t *t) {
    if (t->left) {
        release(t->left);
        release(t->right);
    }
    free(t);
}

static long queens(int n, int row, uint32_t cols, uint32_t diag1, uint32_t diag2) {
    if (row == n) {
        return 1;
    }
    long count = 0;
    uint32_t free_cols = ~(cols | diag1 | diag2) & ((1u << n) - 1);
    while (free_cols) {
        uint32_t bit = free_cols & -free_cols;
        free_cols ^= bit;
        count += queens(n, row + 1, cols | bit, (diag1 | bit) << 1, (diag2 | bit) >> 1);
    }
    return count;
}

/* expressions: generated text, then parsed and evaluated by recursive descent (mod 2^32) */
static char expr[1 << 20];
static size_t expr_len, pos;
static uint32_t seed = 12345;

static uint32_t rnd(void) {
    seed = seed * 1103515245u + 12345u;
    return seed >> 8;
}

static void gen(int d) {
    if (d == 0 || rnd() % 4 == 0) {
        expr_len += (size_t) snprintf(expr + expr_len, sizeof expr - expr_len, "%u", rnd() % 100);
        return;
    }
    expr[expr_len++] = '(';
    gen(d - 1);
    expr[expr_len++] = "+-*"[rnd() % 3];
    gen(d - 1);
    expr[expr_len++] = ')';
}

static uint32_t parse_sum(void);

static uint32_t parse_atom(void) {
    if (expr[pos] == '(') {
        pos++;
        uint32_t v = parse_sum();
        pos++;  /* ')' */
        return v;
    }
    uint32_t v = 0;
    while (expr[pos] >= '0' && expr[pos] <= '9') {
        v = v * 10 + (uint32_t) (expr[pos++] - '0');
    }
    return v;
}

static uint32_t parse_product(void) {
    uint32_t v = parse_atom();
    while (expr[pos] == '*') {
        pos++;
        v *= parse_atom();
    }
    return v;
}

static uint32_t parse_sum(void) {
    uint32_t v = parse_product();
    while (expr[pos] == '+' || expr[pos] == '-') {
        char op = expr[pos++];
        uint32_t w = parse_product();
        v = op == '+' ? v + w : v - w;
    }
    return v;
}

int main(int argc, char **argv) {
    int scale = argc > 1 ? atoi(argv[1]) : 8;
    if (scale < 1 || scale > 12) {
        fprintf(stderr, "scale out of range (1..12)\n");
        return 1;
    }
    printf("deep_recursion scale=%d\n", scale);
    uint32_t a = ackermann(2, (uint32_t) scale * 200);
    uint32_t a3 = ackermann(3, (uint32_t) scale);
    printf("ackermann(2,%d)=%u ackermann(3,%d)=%u calls=%ld max_depth=%d\n", scale * 200, a, scale, a3, calls, max_depth);

    int tree_depth = 10 + scale;
    int64_t total = 0;
    long trees = 0;
    for (int d = 4; d <= tree_depth; d += 2) {
        int iterations = 1 << (tree_depth - d);
        for (int i = 0; i < iterations; i++) {
            tree_t *t = build(d, i);
            total += check(t);
            release(t);
            trees++;
        }
    }
    tree_t *big = build(tree_depth, 1);
    printf("trees=%ld check=%lld depth %d check=%lld\n", trees, (long long) total, tree_depth, (long long) check(big));
    release(big);

    int qn = 6 + scale / 2;
    printf("queens(%d)=%ld\n", qn, queens(qn, 0, 0, 0, 0));

    uint32_t sum = 0;
    int exprs = 20 * scale;
    for (int i = 0; i < exprs; i++) {
        expr_len = 0;
        gen(12);
        expr[expr_len] = 0;
        pos = 0;
        sum = sum * 31 + parse_sum();
    }
    printf("expressions=%d value=%u\n", exprs, sum);
    return 0;
}
