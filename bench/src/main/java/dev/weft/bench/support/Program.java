package dev.weft.bench.support;

/**
 * The WASI programs of the program benchmarks: the corpus of C programs in {@code bench/corpus/}
 * (bundled in the jar) and the C programs of bench-wasm's {@code wasi/} folder. Their run sizes
 * and expected outputs come from {@code bench/corpus/expected.json} ({@link ProgramRuns}).
 */
public enum Program {
    BYTECODE_VM("bytecode_vm", Source.CORPUS),
    BTREE_KV("btree_kv", Source.CORPUS),
    LZ_HUFFMAN("lz_huffman", Source.CORPUS),
    JSON_TREE("json_tree", Source.CORPUS),
    FFT_CONV("fft_conv", Source.CORPUS),
    CALLBACK_SORT("callback_sort", Source.CORPUS),
    DEEP_RECURSION("deep_recursion", Source.CORPUS),
    IMAGE_FILTER("image_filter", Source.CORPUS),
    /** {@code image_filter.c} built with {@code -msimd128} */
    IMAGE_FILTER_SIMD("image_filter-simd", Source.CORPUS),
    STRING_SEARCH("string_search", Source.CORPUS),
    /** {@code string_search.c} built with {@code -msimd128} */
    STRING_SEARCH_SIMD("string_search-simd", Source.CORPUS),
    DOT_MATRIX("dot_matrix", Source.CORPUS),
    /** {@code dot_matrix.c} built with {@code -msimd128} */
    DOT_MATRIX_SIMD("dot_matrix-simd", Source.CORPUS),
    SHA256("sha256", Source.BENCH_WASM),
    MATMUL("matmul", Source.BENCH_WASM),
    TOKENIZER("tokenizer", Source.BENCH_WASM),
    NBODY("nbody", Source.BENCH_WASM);

    /** Where a program's module lives. */
    public enum Source {
        /** {@code bench/corpus/NAME.wasm}, bundled in the benchmarks jar */
        CORPUS("corpus"),
        /** {@code bench-wasm/wasi/NAME.wasm} ({@link BenchFiles#dir()}) */
        BENCH_WASM("bench-wasm");

        private final String id;

        Source(String id) {
            this.id = id;
        }

        /** @return the value of the {@code source} field in expected.json */
        public String id() {
            return id;
        }
    }

    private final String id;
    private final Source source;

    Program(String id, Source source) {
        this.id = id;
        this.source = source;
    }

    /** @return the id used in JMH's {@code program} parameter and in expected.json */
    public String id() {
        return id;
    }

    /** @return where its module lives */
    public Source source() {
        return source;
    }

    /** @return the module's bytes */
    public byte[] wasm() {
        return source == Source.CORPUS ? BenchFiles.bundled("corpus/" + id + ".wasm") : BenchFiles.bytes("wasi/" + id + ".wasm");
    }

    /**
     * @param id a parameter value such as {@code json_tree}
     * @return the program
     */
    public static Program of(String id) {
        for (Program p : values()) {
            if (p.id.equals(id)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown program '" + id + "'");
    }
}
