package dev.weft.text;

import dev.weft.V128;
import dev.weft.WasmFunction;

import java.util.Arrays;
import java.util.Objects;

/**
 * Script values as Weft's API passes them ({@code Integer}, {@code Long}, {@code Float},
 * {@code Double}, {@link V128}, {@code null} for null references, a {@link HostReference} for
 * {@code ref.extern N}), and the comparison of results with the script's patterns: bit for bit,
 * NaN patterns as the suite defines them ({@code nan:canonical}: the canonical payload;
 * {@code nan:arithmetic}: the payload's top bit set), v128 patterns lane by lane.
 */
final class ScriptValues {
    private ScriptValues() {
    }

    /**
     * A host reference of a script: equal numbers are the same reference.
     *
     * @param number the reference's number
     */
    record HostReference(long number) {
    }

    static Object argument(Script.Value v) {
        return switch (v) {
            case Script.I32 i -> i.value();
            case Script.I64 l -> l.value();
            case Script.F32 f -> Float.intBitsToFloat(f.bits());
            case Script.F64 d -> Double.longBitsToDouble(d.bits());
            case Script.RefNull n -> null;
            case Script.RefHost h -> new HostReference(h.number());
            case Script.V128 x -> V128.ofBytes(x.bytes());
        };
    }

    /** @return null if {@code actual} matches {@code expected}, else what differs */
    static String compare(Script.Result expected, Object actual) {
        return switch (expected) {
            case Script.Exactly e -> exactly(e.value(), actual);
            case Script.NanPattern p -> nan(p, actual);
            case Script.V128Pattern p -> vector(p, actual);
            case Script.RefKind k -> switch (k.kind()) {
                case "null" -> actual == null ? null : "expected a null reference, got " + actual;
                case "func" -> actual instanceof WasmFunction ? null : "expected a function reference, got " + actual;
                case "extern" -> actual != null && !(actual instanceof WasmFunction) ? null
                        : "expected an external reference, got " + actual;
                case "any" -> actual != null ? null : "expected a non-null reference, got null";
                default -> "(ref." + k.kind() + ") results: Weft does not run GC references yet";
            };
            case Script.Either e -> {
                StringBuilder b = new StringBuilder("none of");
                for (Script.Result r : e.alternatives()) {
                    String m = compare(r, actual);
                    if (m == null) {
                        yield null;
                    }
                    b.append(" [").append(m).append(']');
                }
                yield b.toString();
            }
        };
    }

    private static String exactly(Script.Value v, Object actual) {
        return switch (v) {
            case Script.I32 i -> actual instanceof Integer a && a == i.value() ? null
                    : "expected i32 " + i.value() + ", got " + actual;
            case Script.I64 l -> actual instanceof Long a && a == l.value() ? null
                    : "expected i64 " + l.value() + ", got " + actual;
            case Script.F32 f -> actual instanceof Float a && Float.floatToRawIntBits(a) == f.bits() ? null
                    : "expected f32 bits 0x" + Integer.toHexString(f.bits()) + ", got " + describe(actual);
            case Script.F64 d -> actual instanceof Double a && Double.doubleToRawLongBits(a) == d.bits() ? null
                    : "expected f64 bits 0x" + Long.toHexString(d.bits()) + ", got " + describe(actual);
            case Script.RefNull n -> actual == null ? null : "expected null, got " + actual;
            case Script.RefHost h when h.host() -> "expected ref.host " + h.number()
                    + " (a host reference internalized into the any hierarchy: garbage collection is not supported by Weft yet), got "
                    + actual;
            case Script.RefHost h -> Objects.equals(new HostReference(h.number()), actual) ? null
                    : "expected ref.extern " + h.number() + ", got " + actual;
            case Script.V128 x -> actual instanceof V128 a && Arrays.equals(a.toBytes(), x.bytes()) ? null
                    : "expected v128 " + V128.ofBytes(x.bytes()) + ", got " + actual;
        };
    }

    /** A v128 result against a pattern per lane (of the pattern's shape). */
    private static String vector(Script.V128Pattern p, Object actual) {
        if (!(actual instanceof V128 v)) {
            return "expected a v128, got " + actual;
        }
        int n = p.lanes().size();
        int bits = 128 / n;
        for (int i = 0; i < n; i++) {
            long half = i < n / 2 ? v.low() : v.high();
            long lane = half >>> (bits * (i % (n / 2)));
            long mask = bits == 64 ? -1L : (1L << bits) - 1;
            lane &= mask;
            String mismatch = switch (p.lanes().get(i)) {
                case Script.NanPattern nan -> nan(nan, bits == 64 ? (Object) Double.longBitsToDouble(lane)
                        : (Object) Float.intBitsToFloat((int) lane));
                case Script.Exactly e -> (laneBits(e.value()) & mask) == lane ? null
                        : "expected " + e.value() + ", got 0x" + Long.toHexString(lane);
                default -> "unexpected lane pattern " + p.lanes().get(i);
            };
            if (mismatch != null) {
                return p.shape() + " lane " + i + ": " + mismatch + " (v128 " + v + ")";
            }
        }
        return null;
    }

    private static long laneBits(Script.Value v) {
        return switch (v) {
            case Script.I32 i -> i.value();
            case Script.I64 l -> l.value();
            case Script.F32 f -> f.bits();
            case Script.F64 d -> d.bits();
            default -> throw new IllegalArgumentException("not a lane value: " + v);
        };
    }

    private static String nan(Script.NanPattern p, Object actual) {
        if (p.f64()) {
            if (!(actual instanceof Double d)) {
                return "expected an f64 NaN, got " + actual;
            }
            long bits = Double.doubleToRawLongBits(d);
            boolean ok = p.canonical() ? (bits & 0x7FFFFFFFFFFFFFFFL) == 0x7FF8000000000000L
                    : (bits & 0x7FF8000000000000L) == 0x7FF8000000000000L;
            return ok ? null : "expected " + (p.canonical() ? "canonical" : "arithmetic") + " NaN, got bits 0x"
                    + Long.toHexString(bits);
        }
        if (!(actual instanceof Float f)) {
            return "expected an f32 NaN, got " + actual;
        }
        int bits = Float.floatToRawIntBits(f);
        boolean ok = p.canonical() ? (bits & 0x7FFFFFFF) == 0x7FC00000 : (bits & 0x7FC00000) == 0x7FC00000;
        return ok ? null : "expected " + (p.canonical() ? "canonical" : "arithmetic") + " NaN, got bits 0x"
                + Integer.toHexString(bits);
    }

    private static String describe(Object actual) {
        if (actual instanceof Float f) {
            return "f32 bits 0x" + Integer.toHexString(Float.floatToRawIntBits(f));
        }
        if (actual instanceof Double d) {
            return "f64 bits 0x" + Long.toHexString(Double.doubleToRawLongBits(d));
        }
        return String.valueOf(actual);
    }
}
