/*
 * A key-value store: an in-memory B-tree (order 32, keys and values in sorted node arrays,
 * nodes from malloc) driven by a generated mix of inserts, overwrites, lookups (hits and misses)
 * and range scans, then checked against its own invariants.
 *
 *   btree_kv [ops=200000]
 *
 * Prints operation counts, the tree's shape and a checksum over every lookup and scan result.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define ORDER 32               /* max children; max keys = ORDER - 1 */
#define MAX_KEYS (ORDER - 1)

typedef struct node {
    int count;
    int leaf;
    uint32_t keys[MAX_KEYS];
    uint64_t values[MAX_KEYS];
    struct node *child[ORDER];
} node_t;

static long nodes_allocated;

static node_t *new_node(int leaf) {
    node_t *n = calloc(1, sizeof *n);
    if (!n) {
        fprintf(stderr, "out of memory\n");
        exit(2);
    }
    n->leaf = leaf;
    nodes_allocated++;
    return n;
}

/* first index whose key is >= k (binary search) */
static int lower_bound(const node_t *n, uint32_t k) {
    int lo = 0, hi = n->count;
    while (lo < hi) {
        int mid = (lo + hi) >> 1;
        if (n->keys[mid] < k) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return lo;
}

static int lookup(const node_t *n, uint32_t k, uint64_t *value) {
    while (n) {
        int i = lower_bound(n, k);
        if (i < n->count && n->keys[i] == k) {
            *value = n->values[i];
            return 1;
        }
        n = n->leaf ? NULL : n->child[i];
    }
    return 0;
}

static void split_child(node_t *parent, int i) {
    node_t *full = parent->child[i];
    node_t *right = new_node(full->leaf);
    int mid = MAX_KEYS / 2;
    right->count = MAX_KEYS - mid - 1;
    for (int j = 0; j < right->count; j++) {
        right->keys[j] = full->keys[mid + 1 + j];
        right->values[j] = full->values[mid + 1 + j];
    }
    if (!full->leaf) {
        for (int j = 0; j <= right->count; j++) {
            right->child[j] = full->child[mid + 1 + j];
        }
    }
    full->count = mid;
    for (int j = parent->count; j > i; j--) {
        parent->keys[j] = parent->keys[j - 1];
        parent->values[j] = parent->values[j - 1];
        parent->child[j + 1] = parent->child[j];
    }
    parent->keys[i] = full->keys[mid];
    parent->values[i] = full->values[mid];
    parent->child[i + 1] = right;
    parent->count++;
}

/* returns 1 if a new key was added, 0 if an existing one was overwritten */
static int insert(node_t **root, uint32_t k, uint64_t v) {
    node_t *r = *root;
    if (r->count == MAX_KEYS) {
        node_t *s = new_node(0);
        s->child[0] = r;
        split_child(s, 0);
        *root = r = s;
    }
    for (;;) {
        int i = lower_bound(r, k);
        if (i < r->count && r->keys[i] == k) {
            r->values[i] = v;
            return 0;
        }
        if (r->leaf) {
            for (int j = r->count; j > i; j--) {
                r->keys[j] = r->keys[j - 1];
                r->values[j] = r->values[j - 1];
            }
            r->keys[i] = k;
            r->values[i] = v;
            r->count++;
            return 1;
        }
        if (r->child[i]->count == MAX_KEYS) {
            split_child(r, i);
            if (k == r->keys[i]) {
                r->values[i] = v;
                return 0;
            }
            if (k > r->keys[i]) {
                i++;
            }
        }
        r = r->child[i];
    }
}

/* visits keys in [lo, hi] in order, at most limit of them; returns how many, folds them into *h */
static int scan(const node_t *n, uint32_t lo, uint32_t hi, int limit, uint64_t *h) {
    if (!n || limit <= 0) {
        return 0;
    }
    int seen = 0;
    int i = lower_bound(n, lo);
    for (; i <= n->count && seen < limit; i++) {
        if (!n->leaf) {
            seen += scan(n->child[i], lo, hi, limit - seen, h);
        }
        if (i == n->count || seen >= limit || n->keys[i] > hi) {
            break;
        }
        *h = (*h ^ n->keys[i] ^ (n->values[i] << 7)) * 0x100000001b3ull;
        seen++;
    }
    return seen;
}

/* checks ordering and equal leaf depth; returns the number of keys, -1 if broken */
static long check(const node_t *n, int depth, int *leaf_depth, uint32_t lo, uint32_t hi) {
    long total = n->count;
    for (int i = 0; i < n->count; i++) {
        if (n->keys[i] < lo || n->keys[i] > hi || (i > 0 && n->keys[i - 1] >= n->keys[i])) {
            return -1;
        }
    }
    if (n->leaf) {
        if (*leaf_depth < 0) {
            *leaf_depth = depth;
        }
        return *leaf_depth == depth ? total : -1;
    }
    for (int i = 0; i <= n->count; i++) {
        uint32_t clo = i == 0 ? lo : n->keys[i - 1] + 1;
        uint32_t chi = i == n->count ? hi : n->keys[i] - 1;
        long c = check(n->child[i], depth + 1, leaf_depth, clo, chi);
        if (c < 0) {
            return -1;
        }
        total += c;
    }
    return total;
}

static void free_tree(node_t *n) {
    if (!n->leaf) {
        for (int i = 0; i <= n->count; i++) {
            free_tree(n->child[i]);
        }
    }
    free(n);
}

static uint64_t rng = 0x2545F4914F6CDD1Dull;

static uint32_t next(void) {
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (uint32_t) (rng >> 16);
}

int main(int argc, char **argv) {
    long ops = argc > 1 ? atol(argv[1]) : 200000;
    if (ops < 1 || ops > 50000000) {
        fprintf(stderr, "ops out of range\n");
        return 1;
    }
    uint32_t key_space = (uint32_t) (ops / 2 > 1000 ? ops / 2 : 1000);
    node_t *root = new_node(1);
    long inserted = 0, overwritten = 0, hits = 0, misses = 0, scans = 0, scanned = 0;
    uint64_t h = 0xcbf29ce484222325ull;
    for (long i = 0; i < ops; i++) {
        uint32_t r = next();
        uint32_t k = next() % key_space;
        switch (r % 10) {
        case 0: case 1: case 2: case 3:
            if (insert(&root, k, (uint64_t) k * 2654435761u + (uint64_t) i)) {
                inserted++;
            } else {
                overwritten++;
            }
            break;
        case 4: case 5: case 6: case 7: case 8: {
            uint64_t v;
            if (lookup(root, k, &v)) {
                hits++;
                h = (h ^ v) * 0x100000001b3ull;
            } else {
                misses++;
            }
            break;
        }
        default:
            scans++;
            scanned += scan(root, k, k + key_space / 64, 16, &h);
            break;
        }
    }
    int leaf_depth = -1;
    long keys = check(root, 0, &leaf_depth, 0, UINT32_MAX);
    printf("btree_kv ops=%ld keyspace=%u\n", ops, key_space);
    printf("inserted=%ld overwritten=%ld hits=%ld misses=%ld scans=%ld scanned=%ld\n", inserted, overwritten, hits, misses,
           scans, scanned);
    printf("keys=%ld nodes=%ld height=%d valid=%s\n", keys, nodes_allocated, leaf_depth + 1,
           keys == inserted ? "yes" : "NO");
    printf("checksum=%016llx\n", (unsigned long long) h);
    free_tree(root);
    return keys == inserted ? 0 : 1;
}
