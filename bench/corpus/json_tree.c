/*
 * A JSON parser that builds a tree: generates a JSON document of nested objects and arrays
 * (strings with escapes, integers, decimals, booleans, null), parses it by recursive descent
 * into malloc'd nodes (objects keep their members in a linked list), walks the tree for
 * statistics, looks values up by path, serialises the tree back and parses that again.
 *
 *   json_tree [records=2000]
 *
 * Prints the document size, node counts, sums and hashes; "reparse=same" when the
 * serialised tree parses to the same statistics.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef enum { J_NULL, J_FALSE, J_TRUE, J_NUM, J_STR, J_ARR, J_OBJ } kind_t;

typedef struct jnode {
    kind_t kind;
    int64_t num;            /* numbers as fixed point, 6 decimal places */
    char *str;              /* string value, or member key */
    size_t len;
    char *key;
    size_t key_len;
    struct jnode *first;    /* children of arrays and objects */
    struct jnode *next;
} jnode_t;

/* ---------- generation ---------- */
typedef struct {
    char *p;
    size_t len, cap;
} buf_t;

static void need(buf_t *b, size_t n) {
    if (b->len + n > b->cap) {
        while (b->len + n > b->cap) {
            b->cap = b->cap ? b->cap * 2 : 4096;
        }
        b->p = realloc(b->p, b->cap);
        if (!b->p) {
            fprintf(stderr, "out of memory\n");
            exit(2);
        }
    }
}

static void add(buf_t *b, const char *s, size_t n) {
    need(b, n);
    memcpy(b->p + b->len, s, n);
    b->len += n;
}

static void adds(buf_t *b, const char *s) { add(b, s, strlen(s)); }

static void addc(buf_t *b, char c) { add(b, &c, 1); }

static uint32_t state = 2463534242u;

static uint32_t rnd(void) {
    state ^= state << 13;
    state ^= state >> 17;
    state ^= state << 5;
    return state;
}

static const char *names[] = {"id", "name", "tags", "score", "active", "owner", "children", "meta", "values", "note",
                              "created", "weight", "flags", "address", "city", "zip"};

static void gen_string(buf_t *b) {
    static const char *parts[] = {"alpha", "beta", "gamma", "delta", "\\\"quoted\\\"", "tab\\there", "line\\nbreak",
                                  "slash\\/", "uni\\u00e9", "x", "register machine", "json"};
    addc(b, '"');
    int n = 1 + (int) (rnd() % 3);
    for (int i = 0; i < n; i++) {
        if (i) {
            addc(b, ' ');
        }
        adds(b, parts[rnd() % 12]);
    }
    addc(b, '"');
}

static void gen_value(buf_t *b, int depth) {
    char tmp[48];
    uint32_t r = rnd();
    int kind = depth > 4 ? (int) (r % 5) : (int) (r % 7);
    switch (kind) {
    case 0: snprintf(tmp, sizeof tmp, "%d", (int) (rnd() % 2000001) - 1000000); adds(b, tmp); break;
    case 1: {
        uint32_t whole = rnd() % 100000, frac = rnd() % 1000;  /* one call per statement: argument order is unspecified */
        snprintf(tmp, sizeof tmp, "%u.%03u", whole, frac);
        adds(b, tmp);
        break;
    }
    case 2: gen_string(b); break;
    case 3: adds(b, r & 64 ? "true" : (r & 128 ? "false" : "null")); break;
    case 4: {
        uint32_t whole = rnd() % 10, frac = rnd() % 100;
        int exp = (int) (rnd() % 3);
        snprintf(tmp, sizeof tmp, "-%u.%02ue%d", whole, frac, exp);
        adds(b, tmp);
        break;
    }
    case 5: {
        addc(b, '[');
        int n = (int) (rnd() % 6);
        for (int i = 0; i < n; i++) {
            if (i) {
                adds(b, ", ");
            }
            gen_value(b, depth + 1);
        }
        addc(b, ']');
        break;
    }
    default: {
        adds(b, "{");
        int n = 1 + (int) (rnd() % 5);
        for (int i = 0; i < n; i++) {
            if (i) {
                addc(b, ',');
            }
            adds(b, "\n  \"");
            adds(b, names[(rnd() >> 3) % 16]);
            adds(b, "\": ");
            gen_value(b, depth + 1);
        }
        adds(b, "}");
        break;
    }
    }
}

/* ---------- parsing ---------- */
typedef struct {
    const char *s;
    size_t i, n;
    int error;
    long nodes;
} parser_t;

static void ws(parser_t *p) {
    while (p->i < p->n && (p->s[p->i] == ' ' || p->s[p->i] == '\n' || p->s[p->i] == '\t' || p->s[p->i] == '\r')) {
        p->i++;
    }
}

static jnode_t *node(parser_t *p, kind_t k) {
    jnode_t *n = calloc(1, sizeof *n);
    if (!n) {
        fprintf(stderr, "out of memory\n");
        exit(2);
    }
    n->kind = k;
    p->nodes++;
    return n;
}

static int hexval(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* decodes a string (the opening quote already consumed) into a new buffer */
static char *string(parser_t *p, size_t *len) {
    size_t cap = 16, n = 0;
    char *out = malloc(cap);
    for (;;) {
        if (p->i >= p->n) {
            p->error = 1;
            break;
        }
        char c = p->s[p->i++];
        if (c == '"') {
            break;
        }
        if (n + 4 >= cap) {
            cap *= 2;
            out = realloc(out, cap);
        }
        if (c != '\\') {
            out[n++] = c;
            continue;
        }
        char e = p->i < p->n ? p->s[p->i++] : 0;
        switch (e) {
        case 'n': out[n++] = '\n'; break;
        case 't': out[n++] = '\t'; break;
        case 'r': out[n++] = '\r'; break;
        case 'b': out[n++] = '\b'; break;
        case 'f': out[n++] = '\f'; break;
        case '"': case '\\': case '/': out[n++] = e; break;
        case 'u': {
            int v = 0;
            for (int k = 0; k < 4; k++) {
                int h = p->i < p->n ? hexval(p->s[p->i++]) : -1;
                if (h < 0) {
                    p->error = 1;
                    h = 0;
                }
                v = v * 16 + h;
            }
            if (v < 0x80) {
                out[n++] = (char) v;
            } else if (v < 0x800) {
                out[n++] = (char) (0xC0 | (v >> 6));
                out[n++] = (char) (0x80 | (v & 0x3F));
            } else {
                out[n++] = (char) (0xE0 | (v >> 12));
                out[n++] = (char) (0x80 | ((v >> 6) & 0x3F));
                out[n++] = (char) (0x80 | (v & 0x3F));
            }
            break;
        }
        default: p->error = 1; break;
        }
    }
    *len = n;
    return out;
}

/* a number to fixed point with 6 decimals, exactly (no floating point) */
static int64_t number(parser_t *p) {
    int neg = 0;
    if (p->s[p->i] == '-') {
        neg = 1;
        p->i++;
    }
    int64_t mant = 0;
    int scale = 0, digits = 0;
    while (p->i < p->n && p->s[p->i] >= '0' && p->s[p->i] <= '9') {
        mant = mant * 10 + (p->s[p->i++] - '0');
        digits++;
    }
    if (p->i < p->n && p->s[p->i] == '.') {
        p->i++;
        while (p->i < p->n && p->s[p->i] >= '0' && p->s[p->i] <= '9') {
            mant = mant * 10 + (p->s[p->i++] - '0');
            scale--;
            digits++;
        }
    }
    if (p->i < p->n && (p->s[p->i] == 'e' || p->s[p->i] == 'E')) {
        p->i++;
        int eneg = 0, e = 0;
        if (p->s[p->i] == '+' || p->s[p->i] == '-') {
            eneg = p->s[p->i++] == '-';
        }
        while (p->i < p->n && p->s[p->i] >= '0' && p->s[p->i] <= '9') {
            e = e * 10 + (p->s[p->i++] - '0');
        }
        scale += eneg ? -e : e;
    }
    if (digits == 0) {
        p->error = 1;
    }
    scale += 6;
    for (; scale > 0; scale--) {
        mant *= 10;
    }
    for (; scale < 0; scale++) {
        mant /= 10;
    }
    return neg ? -mant : mant;
}

static int literal(parser_t *p, const char *w) {
    size_t n = strlen(w);
    if (p->i + n <= p->n && memcmp(p->s + p->i, w, n) == 0) {
        p->i += n;
        return 1;
    }
    p->error = 1;
    return 0;
}

static jnode_t *value(parser_t *p, int depth) {
    ws(p);
    if (p->i >= p->n || depth > 200) {
        p->error = 1;
        return node(p, J_NULL);
    }
    char c = p->s[p->i];
    jnode_t *n;
    if (c == '{' || c == '[') {
        int obj = c == '{';
        n = node(p, obj ? J_OBJ : J_ARR);
        p->i++;
        ws(p);
        jnode_t **tail = &n->first;
        if (p->i < p->n && p->s[p->i] == (obj ? '}' : ']')) {
            p->i++;
            return n;
        }
        for (;;) {
            char *key = NULL;
            size_t key_len = 0;
            if (obj) {
                ws(p);
                if (p->i >= p->n || p->s[p->i] != '"') {
                    p->error = 1;
                    return n;
                }
                p->i++;
                key = string(p, &key_len);
                ws(p);
                if (p->i >= p->n || p->s[p->i++] != ':') {
                    p->error = 1;
                    free(key);
                    return n;
                }
            }
            jnode_t *child = value(p, depth + 1);
            child->key = key;
            child->key_len = key_len;
            *tail = child;
            tail = &child->next;
            ws(p);
            if (p->i < p->n && p->s[p->i] == ',') {
                p->i++;
                continue;
            }
            if (p->i < p->n && p->s[p->i] == (obj ? '}' : ']')) {
                p->i++;
                return n;
            }
            p->error = 1;
            return n;
        }
    }
    if (c == '"') {
        p->i++;
        n = node(p, J_STR);
        n->str = string(p, &n->len);
        return n;
    }
    if (c == 't') {
        literal(p, "true");
        return node(p, J_TRUE);
    }
    if (c == 'f') {
        literal(p, "false");
        return node(p, J_FALSE);
    }
    if (c == 'n') {
        literal(p, "null");
        return node(p, J_NULL);
    }
    n = node(p, J_NUM);
    n->num = number(p);
    return n;
}

/* ---------- walking ---------- */
typedef struct {
    long counts[7];
    long members;
    int max_depth;
    int64_t num_sum;
    uint32_t str_hash, key_hash;
} stats_t;

static uint32_t fnv(uint32_t h, const char *s, size_t n) {
    for (size_t i = 0; i < n; i++) {
        h = (h ^ (uint8_t) s[i]) * 16777619u;
    }
    return h;
}

static void walk(const jnode_t *n, int depth, stats_t *st) {
    st->counts[n->kind]++;
    if (depth > st->max_depth) {
        st->max_depth = depth;
    }
    if (n->key) {
        st->members++;
        st->key_hash = fnv(st->key_hash, n->key, n->key_len);
    }
    if (n->kind == J_NUM) {
        st->num_sum += n->num;
    } else if (n->kind == J_STR) {
        st->str_hash = fnv(st->str_hash, n->str, n->len);
    }
    for (const jnode_t *c = n->first; c; c = c->next) {
        walk(c, depth + 1, st);
    }
}

/* first member named key, depth-first; sums the numbers found under that name */
static int64_t find_sum(const jnode_t *n, const char *key, long *found) {
    int64_t s = 0;
    for (const jnode_t *c = n->first; c; c = c->next) {
        if (c->key && c->key_len == strlen(key) && memcmp(c->key, key, c->key_len) == 0 && c->kind == J_NUM) {
            s += c->num;
            (*found)++;
        }
        s += find_sum(c, key, found);
    }
    return s;
}

static void write_string(buf_t *b, const char *s, size_t n) {
    addc(b, '"');
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char) s[i];
        if (c == '"' || c == '\\') {
            addc(b, '\\');
            addc(b, (char) c);
        } else if (c == '\n') {
            adds(b, "\\n");
        } else if (c == '\t') {
            adds(b, "\\t");
        } else {
            addc(b, (char) c);
        }
    }
    addc(b, '"');
}

static void serialise(const jnode_t *n, buf_t *b) {
    char tmp[40];
    if (n->key) {
        write_string(b, n->key, n->key_len);
        addc(b, ':');
    }
    switch (n->kind) {
    case J_NULL: adds(b, "null"); break;
    case J_FALSE: adds(b, "false"); break;
    case J_TRUE: adds(b, "true"); break;
    case J_NUM: {
        int64_t v = n->num < 0 ? -n->num : n->num;
        snprintf(tmp, sizeof tmp, "%s%lld.%06lld", n->num < 0 ? "-" : "", (long long) (v / 1000000),
                 (long long) (v % 1000000));
        adds(b, tmp);
        break;
    }
    case J_STR: write_string(b, n->str, n->len); break;
    case J_ARR: case J_OBJ:
        addc(b, n->kind == J_ARR ? '[' : '{');
        for (const jnode_t *c = n->first; c; c = c->next) {
            serialise(c, b);
            if (c->next) {
                addc(b, ',');
            }
        }
        addc(b, n->kind == J_ARR ? ']' : '}');
        break;
    }
}

static void free_tree(jnode_t *n) {
    jnode_t *c = n->first;
    while (c) {
        jnode_t *next = c->next;
        free_tree(c);
        c = next;
    }
    free(n->str);
    free(n->key);
    free(n);
}

static jnode_t *parse(const char *s, size_t n, stats_t *st, long *nodes, int *error) {
    parser_t p = {s, 0, n, 0, 0};
    jnode_t *root = value(&p, 0);
    ws(&p);
    if (p.i != p.n) {
        p.error = 1;
    }
    memset(st, 0, sizeof *st);
    st->str_hash = st->key_hash = 2166136261u;
    walk(root, 0, st);
    *nodes = p.nodes;
    *error = p.error;
    return root;
}

int main(int argc, char **argv) {
    long records = argc > 1 ? atol(argv[1]) : 2000;
    if (records < 1 || records > 10000000) {
        fprintf(stderr, "records out of range\n");
        return 1;
    }
    buf_t doc = {0};
    adds(&doc, "{\"records\": [");
    for (long r = 0; r < records; r++) {
        if (r) {
            adds(&doc, ",\n");
        }
        char tmp[32];
        snprintf(tmp, sizeof tmp, "{\"id\": %ld, \"body\": ", r);
        adds(&doc, tmp);
        gen_value(&doc, 1);
        addc(&doc, '}');
    }
    adds(&doc, "], \"count\": ");
    char tmp[32];
    snprintf(tmp, sizeof tmp, "%ld}", records);
    adds(&doc, tmp);

    stats_t st, st2;
    long nodes, nodes2;
    int error, error2;
    jnode_t *root = parse(doc.p, doc.len, &st, &nodes, &error);
    long found = 0;
    int64_t scores = find_sum(root, "score", &found);
    long ids = 0;
    int64_t id_sum = find_sum(root, "id", &ids);
    buf_t out = {0};
    serialise(root, &out);
    jnode_t *again = parse(out.p, out.len, &st2, &nodes2, &error2);
    int same = nodes == nodes2 && st.num_sum == st2.num_sum && st.str_hash == st2.str_hash && st.key_hash == st2.key_hash
               && st.max_depth == st2.max_depth && !error2;

    printf("json_tree records=%ld bytes=%zu nodes=%ld errors=%d\n", records, doc.len, nodes, error);
    printf("null=%ld false=%ld true=%ld num=%ld str=%ld arr=%ld obj=%ld members=%ld depth=%d\n", st.counts[J_NULL],
           st.counts[J_FALSE], st.counts[J_TRUE], st.counts[J_NUM], st.counts[J_STR], st.counts[J_ARR],
           st.counts[J_OBJ], st.members, st.max_depth);
    printf("numsum=%lld strhash=%08x keyhash=%08x\n", (long long) st.num_sum, st.str_hash, st.key_hash);
    printf("score: %ld sum=%lld; id: %ld sum=%lld\n", found, (long long) scores, ids, (long long) id_sum);
    printf("serialised bytes=%zu reparse=%s\n", out.len, same ? "same" : "DIFFERENT");
    free_tree(root);
    free_tree(again);
    free(doc.p);
    free(out.p);
    return error || !same ? 1 : 0;
}
