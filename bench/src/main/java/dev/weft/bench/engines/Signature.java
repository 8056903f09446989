package dev.weft.bench.engines;

/** The export signatures the benchmarks call; values travel as {@code long} (i32 sign-extended, f32 as raw bits). */
public enum Signature {
    /** {@code (i32) -> i32} */
    I32_TO_I32,
    /** {@code (i64) -> i64} */
    I64_TO_I64,
    /** {@code () -> f32}: CoreMark's {@code run}; the argument is ignored, the result is the float's raw bits */
    NONE_TO_F32
}
