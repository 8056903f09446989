package dev.weft.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The type section being built: explicit type definitions (functions, structs, arrays, with
 * subtyping and recursion groups) in order, then the function types that type uses imply.
 * An implied function type reuses the first equal one that stands alone (a final type with no
 * supertype in a group of its own), as the specification's abbreviation says.
 */
final class TypeDefs {
    static final int FUNC = 0x60;
    static final int STRUCT = 0x5F;
    static final int ARRAY = 0x5E;

    /**
     * One type.
     *
     * @param kind {@link #FUNC}, {@link #STRUCT} or {@link #ARRAY}
     * @param params function parameters, or field storage types (struct, array)
     * @param results function results, or field mutability as 0/1 (struct, array)
     * @param isFinal no subtype may declare it as supertype
     * @param supers the declared supertypes
     * @param group the index of the first type of its recursion group
     * @param groupSize the size of its recursion group (1 and not {@code rec}: a type of its own)
     * @param explicitRec whether the group was written as {@code (rec …)}
     */
    record Def(int kind, int[] params, int[] results, boolean isFinal, int[] supers, int group, int groupSize,
            boolean explicitRec) {
        boolean standsAlone() {
            return groupSize == 1 && isFinal && supers.length == 0;
        }
    }

    private final List<Def> defs = new ArrayList<>();

    int size() {
        return defs.size();
    }

    Def get(int i) {
        return defs.get(i);
    }

    /** Adds a type; its group must be complete before {@link #encode}. */
    void add(Def d) {
        defs.add(d);
    }

    /** @return the index of the first function type standing alone with these types, added if none */
    int function(int[] params, int[] results) {
        for (int i = 0; i < defs.size(); i++) {
            Def d = defs.get(i);
            if (d.kind == FUNC && d.standsAlone() && Arrays.equals(d.params, params)
                    && Arrays.equals(d.results, results)) {
                return i;
            }
        }
        int i = defs.size();
        defs.add(new Def(FUNC, params, results, true, new int[0], i, 1, false));
        return i;
    }

    /** @return true if type {@code i} exists and is a function type */
    boolean isFunction(int i) {
        return i >= 0 && i < defs.size() && defs.get(i).kind == FUNC;
    }

    /** Writes the type section's content. */
    void encode(ByteSink out) {
        int groups = 0;
        for (int i = 0; i < defs.size(); i += defs.get(i).groupSize) {
            groups++;
        }
        out.u32(groups);
        for (int i = 0; i < defs.size(); ) {
            Def first = defs.get(i);
            int n = first.groupSize;
            if (n != 1 || first.explicitRec) {
                out.byte_(0x4E);
                out.u32(n);
            }
            for (int k = i; k < i + n; k++) {
                subtype(out, defs.get(k));
            }
            i += n;
        }
    }

    private static void subtype(ByteSink out, Def d) {
        if (!d.isFinal || d.supers.length > 0) {
            out.byte_(d.isFinal ? 0x4F : 0x50);
            out.u32(d.supers.length);
            for (int s : d.supers) {
                out.u32(s);
            }
        }
        out.byte_(d.kind);
        switch (d.kind) {
            case FUNC -> {
                out.u32(d.params.length);
                for (int t : d.params) {
                    out.valType(t);
                }
                out.u32(d.results.length);
                for (int t : d.results) {
                    out.valType(t);
                }
            }
            case STRUCT -> {
                out.u32(d.params.length);
                for (int f = 0; f < d.params.length; f++) {
                    out.valType(d.params[f]);
                    out.byte_(d.results[f]);
                }
            }
            default -> {
                out.valType(d.params[0]);
                out.byte_(d.results[0]);
            }
        }
    }
}
