/*
 * A compressor: LZ77 with a hash-chain match finder (32 KiB window, matches 3..258 bytes),
 * then canonical Huffman coding of literals/lengths and of distance classes (deflate-like
 * alphabets, code lengths limited to 15 bits), and the decompressor. Compresses a generated
 * text-like input, decompresses it and checks the round trip.
 *
 *   lz_huffman [kib=256]
 *
 * Prints the sizes, the CRC-32 of the input and of the compressed stream.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define WINDOW 32768
#define MIN_MATCH 3
#define MAX_MATCH 258
#define HASH_BITS 15
#define MAX_CHAIN 48
#define LITLEN_SYMS 286     /* 0..255 literals, 256 end, 257..285 length classes */
#define DIST_SYMS 30
#define MAX_BITS 15

static const uint16_t len_base[29] = {3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83,
                                      99, 115, 131, 163, 195, 227, 258};
static const uint8_t len_extra[29] = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
static const uint16_t dist_base[30] = {1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769,
                                       1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577};
static const uint8_t dist_extra[30] = {0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11,
                                       12, 12, 13, 13};

/* ---- tokens: literal (dist = 0) or match ---- */
typedef struct {
    uint16_t len;   /* literal byte, or match length */
    uint16_t dist;  /* 0 for a literal */
} token_t;

static uint32_t crc_table[256];

static void crc_init(void) {
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t c = i;
        for (int k = 0; k < 8; k++) {
            c = c & 1 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        }
        crc_table[i] = c;
    }
}

static uint32_t crc32(const uint8_t *p, size_t n) {
    uint32_t c = 0xFFFFFFFFu;
    for (size_t i = 0; i < n; i++) {
        c = crc_table[(c ^ p[i]) & 0xFF] ^ (c >> 8);
    }
    return c ^ 0xFFFFFFFFu;
}

static size_t lz77(const uint8_t *in, size_t n, token_t *out) {
    static int32_t head[1 << HASH_BITS];
    static int32_t prev[WINDOW];
    memset(head, 0xFF, sizeof head);
    size_t t = 0;
    size_t i = 0;
    while (i < n) {
        int best_len = 0, best_dist = 0;
        if (i + MIN_MATCH <= n) {
            uint32_t h = ((in[i] << 10) ^ (in[i + 1] << 5) ^ in[i + 2]) & ((1 << HASH_BITS) - 1);
            int32_t cand = head[h];
            int chain = MAX_CHAIN;
            size_t max = n - i < MAX_MATCH ? n - i : MAX_MATCH;
            while (cand >= 0 && i - (size_t) cand <= WINDOW && chain-- > 0) {
                if (in[cand + best_len] == in[i + best_len]) {
                    size_t l = 0;
                    while (l < max && in[cand + l] == in[i + l]) {
                        l++;
                    }
                    if ((int) l > best_len) {
                        best_len = (int) l;
                        best_dist = (int) (i - (size_t) cand);
                        if (l == max) {
                            break;
                        }
                    }
                }
                cand = prev[cand % WINDOW];
            }
            prev[i % WINDOW] = head[h];
            head[h] = (int32_t) i;
        }
        if (best_len >= MIN_MATCH) {
            out[t].len = (uint16_t) best_len;
            out[t].dist = (uint16_t) best_dist;
            t++;
            for (size_t k = 1; k < (size_t) best_len; k++) {
                size_t j = i + k;
                if (j + MIN_MATCH <= n) {
                    uint32_t h = ((in[j] << 10) ^ (in[j + 1] << 5) ^ in[j + 2]) & ((1 << HASH_BITS) - 1);
                    prev[j % WINDOW] = head[h];
                    head[h] = (int32_t) j;
                }
            }
            i += best_len;
        } else {
            out[t].len = in[i];
            out[t].dist = 0;
            t++;
            i++;
        }
    }
    return t;
}

static int len_class(int len) {
    int c = 0;
    while (c < 28 && len_base[c + 1] <= len) {
        c++;
    }
    return c;
}

static int dist_class(int dist) {
    int c = 0;
    while (c < 29 && dist_base[c + 1] <= dist) {
        c++;
    }
    return c;
}

/* ---- Huffman code lengths (package-free: build a tree, then limit by rebalancing) ---- */
typedef struct {
    uint32_t freq;
    int left, right;
} hnode_t;

static void depths(const hnode_t *t, int at, int depth, uint8_t *lengths, int syms) {
    if (at < syms) {
        lengths[at] = (uint8_t) (depth ? depth : 1);
        return;
    }
    depths(t, t[at].left, depth + 1, lengths, syms);
    depths(t, t[at].right, depth + 1, lengths, syms);
}

static void code_lengths(const uint32_t *freq, int syms, uint8_t *lengths) {
    hnode_t t[2 * LITLEN_SYMS];
    int live[LITLEN_SYMS];
    int nlive = 0;
    memset(lengths, 0, (size_t) syms);
    for (int s = 0; s < syms; s++) {
        t[s].freq = freq[s];
        if (freq[s]) {
            live[nlive++] = s;
        }
    }
    if (nlive == 0) {
        return;
    }
    int next = syms;
    while (nlive > 1) {
        /* pick the two smallest (ties: lower index first, so the result is deterministic) */
        int a = 0, b = 1;
        if (t[live[b]].freq < t[live[a]].freq) {
            a = 1;
            b = 0;
        }
        for (int i = 2; i < nlive; i++) {
            if (t[live[i]].freq < t[live[a]].freq) {
                b = a;
                a = i;
            } else if (t[live[i]].freq < t[live[b]].freq) {
                b = i;
            }
        }
        t[next].freq = t[live[a]].freq + t[live[b]].freq;
        t[next].left = live[a];
        t[next].right = live[b];
        int hi = a > b ? a : b, lo = a < b ? a : b;
        live[hi] = live[--nlive];
        live[lo] = next++;
    }
    depths(t, live[0], 0, lengths, syms);
    /* limit to MAX_BITS: move overlong codes up, then fix the Kraft sum by lengthening short ones */
    int overflow = 0;
    for (int s = 0; s < syms; s++) {
        if (lengths[s] > MAX_BITS) {
            lengths[s] = MAX_BITS;
            overflow = 1;
        }
    }
    if (overflow) {
        for (;;) {
            uint32_t kraft = 0;
            for (int s = 0; s < syms; s++) {
                if (lengths[s]) {
                    kraft += 1u << (MAX_BITS - lengths[s]);
                }
            }
            if (kraft <= (1u << MAX_BITS)) {
                break;
            }
            int pick = -1;
            for (int s = 0; s < syms; s++) {
                if (lengths[s] && lengths[s] < MAX_BITS && (pick < 0 || lengths[s] > lengths[pick])) {
                    pick = s;
                }
            }
            lengths[pick]++;
        }
    }
}

static void canonical(const uint8_t *lengths, int syms, uint16_t *codes) {
    int count[MAX_BITS + 1] = {0};
    uint16_t next[MAX_BITS + 2];
    for (int s = 0; s < syms; s++) {
        count[lengths[s]]++;
    }
    count[0] = 0;
    uint16_t code = 0;
    for (int b = 1; b <= MAX_BITS; b++) {
        code = (uint16_t) ((code + count[b - 1]) << 1);
        next[b] = code;
    }
    for (int s = 0; s < syms; s++) {
        if (lengths[s]) {
            codes[s] = next[lengths[s]]++;
        }
    }
}

/* ---- bit I/O, MSB-first codes ---- */
typedef struct {
    uint8_t *buf;
    size_t pos;
    uint32_t acc;
    int bits;
} bitw_t;

static void put(bitw_t *w, uint32_t value, int n) {
    for (int i = n - 1; i >= 0; i--) {
        w->acc = (w->acc << 1) | ((value >> i) & 1);
        if (++w->bits == 8) {
            w->buf[w->pos++] = (uint8_t) w->acc;
            w->acc = 0;
            w->bits = 0;
        }
    }
}

static void flush(bitw_t *w) {
    while (w->bits) {
        put(w, 0, 1);
    }
}

typedef struct {
    const uint8_t *buf;
    size_t pos;
    int bit;
} bitr_t;

static uint32_t get(bitr_t *r, int n) {
    uint32_t v = 0;
    for (int i = 0; i < n; i++) {
        v = (v << 1) | ((r->buf[r->pos] >> (7 - r->bit)) & 1);
        if (++r->bit == 8) {
            r->bit = 0;
            r->pos++;
        }
    }
    return v;
}

/* canonical decoding table: first code and index per length */
typedef struct {
    uint16_t first[MAX_BITS + 1];
    uint16_t count[MAX_BITS + 1];
    uint16_t offset[MAX_BITS + 1];
    uint16_t symbols[LITLEN_SYMS];
} decoder_t;

static void decoder_init(decoder_t *d, const uint8_t *lengths, int syms) {
    memset(d, 0, sizeof *d);
    for (int s = 0; s < syms; s++) {
        d->count[lengths[s]]++;
    }
    d->count[0] = 0;
    uint16_t code = 0, index = 0;
    for (int b = 1; b <= MAX_BITS; b++) {
        code = (uint16_t) ((code + d->count[b - 1]) << 1);
        d->first[b] = code;
        d->offset[b] = index;
        index += d->count[b];
    }
    uint16_t fill[MAX_BITS + 1];
    memcpy(fill, d->offset, sizeof fill);
    for (int s = 0; s < syms; s++) {
        if (lengths[s]) {
            d->symbols[fill[lengths[s]]++] = (uint16_t) s;
        }
    }
}

static int decode(const decoder_t *d, bitr_t *r) {
    uint32_t code = 0;
    for (int b = 1; b <= MAX_BITS; b++) {
        code = (code << 1) | get(r, 1);
        if (code - d->first[b] < d->count[b]) {
            return d->symbols[d->offset[b] + code - d->first[b]];
        }
    }
    return -1;
}

static size_t compress(const uint8_t *in, size_t n, uint8_t *out, token_t *tokens) {
    size_t nt = lz77(in, n, tokens);
    uint32_t lf[LITLEN_SYMS] = {0}, df[DIST_SYMS] = {0};
    for (size_t i = 0; i < nt; i++) {
        if (tokens[i].dist == 0) {
            lf[tokens[i].len]++;
        } else {
            lf[257 + len_class(tokens[i].len)]++;
            df[dist_class(tokens[i].dist)]++;
        }
    }
    lf[256] = 1;
    uint8_t ll[LITLEN_SYMS], dl[DIST_SYMS];
    uint16_t lc[LITLEN_SYMS], dc[DIST_SYMS];
    code_lengths(lf, LITLEN_SYMS, ll);
    code_lengths(df, DIST_SYMS, dl);
    canonical(ll, LITLEN_SYMS, lc);
    canonical(dl, DIST_SYMS, dc);
    bitw_t w = {out, 0, 0, 0};
    put(&w, (uint32_t) n, 32);
    for (int s = 0; s < LITLEN_SYMS; s++) {
        put(&w, ll[s], 4);
    }
    for (int s = 0; s < DIST_SYMS; s++) {
        put(&w, dl[s], 4);
    }
    for (size_t i = 0; i < nt; i++) {
        if (tokens[i].dist == 0) {
            put(&w, lc[tokens[i].len], ll[tokens[i].len]);
        } else {
            int c = len_class(tokens[i].len), d = dist_class(tokens[i].dist);
            put(&w, lc[257 + c], ll[257 + c]);
            put(&w, (uint32_t) (tokens[i].len - len_base[c]), len_extra[c]);
            put(&w, dc[d], dl[d]);
            put(&w, (uint32_t) (tokens[i].dist - dist_base[d]), dist_extra[d]);
        }
    }
    put(&w, lc[256], ll[256]);
    flush(&w);
    return w.pos;
}

static size_t decompress(const uint8_t *in, uint8_t *out, size_t cap) {
    bitr_t r = {in, 0, 0};
    size_t n = get(&r, 32);
    if (n > cap) {
        return (size_t) -1;
    }
    uint8_t ll[LITLEN_SYMS], dl[DIST_SYMS];
    for (int s = 0; s < LITLEN_SYMS; s++) {
        ll[s] = (uint8_t) get(&r, 4);
    }
    for (int s = 0; s < DIST_SYMS; s++) {
        dl[s] = (uint8_t) get(&r, 4);
    }
    static decoder_t ld, dd;
    decoder_init(&ld, ll, LITLEN_SYMS);
    decoder_init(&dd, dl, DIST_SYMS);
    size_t o = 0;
    for (;;) {
        int sym = decode(&ld, &r);
        if (sym < 0) {
            return (size_t) -1;
        }
        if (sym < 256) {
            out[o++] = (uint8_t) sym;
        } else if (sym == 256) {
            break;
        } else {
            int c = sym - 257;
            int len = len_base[c] + (int) get(&r, len_extra[c]);
            int d = decode(&dd, &r);
            if (d < 0) {
                return (size_t) -1;
            }
            size_t dist = dist_base[d] + get(&r, dist_extra[d]);
            if (dist > o || o + (size_t) len > n) {
                return (size_t) -1;
            }
            for (int k = 0; k < len; k++, o++) {
                out[o] = out[o - dist];
            }
        }
    }
    return o;
}

static uint32_t seed = 0x9E3779B9u;

static uint32_t rnd(void) {
    seed ^= seed << 13;
    seed ^= seed >> 17;
    seed ^= seed << 5;
    return seed;
}

/* text-like input: words from a small vocabulary, skewed choice, punctuation and numbers */
static void generate(uint8_t *p, size_t n) {
    static const char *words[] = {"the", "of", "and", "to", "in", "a", "is", "that", "for", "it", "as", "was", "with",
                                  "be", "by", "on", "not", "he", "this", "are", "or", "his", "from", "at", "which",
                                  "but", "have", "an", "had", "they", "you", "were", "their", "one", "all", "we",
                                  "interpreter", "register", "dispatch", "compression", "window", "symbol", "table",
                                  "frequency", "canonical", "benchmark", "machine", "virtual", "memory", "function"};
    size_t i = 0;
    int sentence = 0;
    while (i < n) {
        uint32_t r = rnd();
        const char *w;
        char num[16];
        if (r % 23 == 0) {
            snprintf(num, sizeof num, "%u", (r >> 8) % 10000);
            w = num;
        } else {
            uint32_t a = (r >> 5) % 50, b = (r >> 13) % 50;
            w = words[a < b ? a : b];
        }
        for (size_t k = 0; w[k] && i < n; k++) {
            p[i++] = (uint8_t) (sentence == 0 && k == 0 && w[k] >= 'a' ? w[k] - 32 : w[k]);
        }
        sentence++;
        if (i < n) {
            if (sentence > 6 && (r >> 20) % 5 == 0) {
                p[i++] = '.';
                sentence = 0;
                if (i < n) {
                    p[i++] = (r >> 24) % 4 == 0 ? '\n' : ' ';
                }
            } else {
                p[i++] = (r >> 27) % 9 == 0 ? ',' : ' ';
                if (p[i - 1] == ',' && i < n) {
                    p[i++] = ' ';
                }
            }
        }
    }
}

int main(int argc, char **argv) {
    long kib = argc > 1 ? atol(argv[1]) : 256;
    if (kib < 1 || kib > 65536) {
        fprintf(stderr, "kib out of range\n");
        return 1;
    }
    size_t n = (size_t) kib * 1024;
    uint8_t *in = malloc(n);
    uint8_t *packed = malloc(n * 2 + 1024);
    uint8_t *back = malloc(n);
    token_t *tokens = malloc(n * sizeof *tokens);
    if (!in || !packed || !back || !tokens) {
        fprintf(stderr, "out of memory\n");
        return 2;
    }
    crc_init();
    generate(in, n);
    size_t packed_len = compress(in, n, packed, tokens);
    size_t back_len = decompress(packed, back, n);
    int ok = back_len == n && memcmp(in, back, n) == 0;
    printf("lz_huffman kib=%ld in=%zu out=%zu ratio=%.4f\n", kib, n, packed_len, (double) packed_len / (double) n);
    printf("crc32 in=%08x packed=%08x roundtrip=%s\n", crc32(in, n), crc32(packed, packed_len), ok ? "ok" : "FAILED");
    free(in);
    free(packed);
    free(back);
    free(tokens);
    return ok ? 0 : 1;
}
