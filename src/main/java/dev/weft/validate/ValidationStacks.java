package dev.weft.validate;

import static dev.weft.validate.ValTypes.UNKNOWN;

import dev.weft.InvalidModuleException;
import dev.weft.UnsupportedFeatureException;

import java.util.Arrays;

/**
 * The operand and control stacks of the validation algorithm (the specification's appendix),
 * including the polymorphic stack after an unconditional branch.
 *
 * <p>Built for speed: the operand stack is a growable {@code byte[]} of type codes, the control
 * stack a set of parallel arrays, so pushing and popping allocate nothing and nesting depth costs
 * heap, not Java stack. The innermost frame's height and unreachable flag are cached in fields.
 */
abstract class ValidationStacks {
    /**
     * Implementation limit on the operand stack height within one function. Legitimate code stays
     * far below; without a bound, multi-value calls (1000 results for a few bytes) could make a
     * 7 MB body claim gigabytes.
     */
    static final int MAX_OPERANDS = 1 << 20;

    static final byte K_BLOCK = 0;
    static final byte K_LOOP = 1;
    static final byte K_IF = 2;
    static final byte K_ELSE = 3;
    static final byte K_FUNC = 4;

    // operand stack of type codes, at most MAX_OPERANDS long
    byte[] vals = new byte[256];
    int sp;

    // control stack, one entry per open block
    byte[] ctlKind = new byte[32];
    byte[][] ctlParams = new byte[32][];
    byte[][] ctlResults = new byte[32][];
    private int[] ctlHeight = new int[32];
    private boolean[] ctlUnreachable = new boolean[32];
    int depth;
    int height;
    boolean unreachable;

    /** @return the offset of the instruction being validated, for errors */
    abstract int at();

    final InvalidModuleException invalid(String reason) {
        return new InvalidModuleException(reason, at());
    }

    final void reset() {
        sp = 0;
        depth = 0;
        height = 0;
        unreachable = false;
    }

    // ---------------------------------------------------------------- operand stack

    final void push(int t) {
        if (sp == vals.length) {
            growVals(sp + 1);
        }
        vals[sp++] = (byte) t;
    }

    final void pushAll(byte[] types) {
        int n = types.length;
        if (sp + n > vals.length) {
            growVals(sp + n);
        }
        System.arraycopy(types, 0, vals, sp, n);
        sp += n;
    }

    private void growVals(int needed) {
        if (needed > MAX_OPERANDS) {
            throw new UnsupportedFeatureException("operand stack deeper than " + MAX_OPERANDS
                    + " values; Weft's limit", at());
        }
        vals = Arrays.copyOf(vals, Math.max(needed, Math.min(vals.length * 2, MAX_OPERANDS)));
    }

    /** Pops a value of any type; Unknown when the polymorphic stack is empty. */
    final int popAny() {
        if (sp > height) {
            return vals[--sp];
        }
        if (unreachable) {
            return UNKNOWN;
        }
        throw invalid("type mismatch: instruction requires an operand but the stack is empty");
    }

    /** Pops a value that must have type {@code expect} (or be Unknown). */
    final void pop(int expect) {
        if (sp > height) {
            int actual = vals[--sp];
            if (actual != expect && actual != UNKNOWN) {
                throw invalid("type mismatch: instruction requires " + ValTypes.name(expect)
                        + " but the stack has " + ValTypes.name(actual));
            }
        } else if (!unreachable) {
            throw invalid("type mismatch: instruction requires " + ValTypes.name(expect)
                    + " but the stack is empty");
        }
    }

    /**
     * Pops {@code types} (the last one first). Work is proportional to the operands actually on
     * the stack, and long exact matches are compared in bulk, so multi-value arities (up to
     * 1000) stay cheap.
     */
    final void popAll(byte[] types) {
        int n = types.length;
        int avail = sp - height;
        if (n > 8 && avail >= n && Arrays.equals(vals, sp - n, sp, types, 0, n)) {
            sp -= n;
            return;
        }
        int k = Math.min(n, avail);
        for (int i = n - 1; i >= n - k; i--) {
            pop(types[i]);
        }
        if (k < n) {
            pop(types[n - k - 1]); // the stack is empty: fails unless it is polymorphic
        }
    }

    final void popI32(int n) {
        for (int i = 0; i < n; i++) {
            pop(ValTypes.I32);
        }
    }

    final void setUnreachable() {
        sp = height;
        unreachable = true;
    }

    // ---------------------------------------------------------------- control stack

    final void pushFrame(byte kind, byte[] params, byte[] results) {
        if (depth == ctlKind.length) {
            int n = depth * 2;
            ctlKind = Arrays.copyOf(ctlKind, n);
            ctlParams = Arrays.copyOf(ctlParams, n);
            ctlResults = Arrays.copyOf(ctlResults, n);
            ctlHeight = Arrays.copyOf(ctlHeight, n);
            ctlUnreachable = Arrays.copyOf(ctlUnreachable, n);
        }
        if (depth > 0) {
            ctlUnreachable[depth - 1] = unreachable;
        }
        ctlKind[depth] = kind;
        ctlParams[depth] = params;
        ctlResults[depth] = results;
        ctlHeight[depth] = sp;
        depth++;
        height = sp;
        unreachable = false;
        pushAll(params);
    }

    /** {@code else}: the {@code then} branch must leave the results; the parameters are pushed again. */
    final void elseFrame() {
        checkFrameEnd(ctlResults[depth - 1]);
        ctlKind[depth - 1] = K_ELSE;
        sp = height;
        unreachable = false;
        pushAll(ctlParams[depth - 1]);
    }

    /**
     * {@code end}: closes the innermost frame.
     *
     * @return true if it closed the function's frame
     */
    final boolean endFrame() {
        int f = depth - 1;
        byte[] results = ctlResults[f];
        checkFrameEnd(results);
        if (ctlKind[f] == K_IF) {
            // no else branch: it would pass the parameters through unchanged
            sp = height;
            unreachable = false;
            pushAll(ctlParams[f]);
            checkFrameEnd(results);
        }
        if (f == 0) {
            depth = 0;
            return true;
        }
        depth = f;
        height = ctlHeight[f - 1];
        unreachable = ctlUnreachable[f - 1];
        pushAll(results);
        return false;
    }

    /** The stack of the innermost frame must hold exactly {@code results}; leaves it at its height. */
    private void checkFrameEnd(byte[] results) {
        int n = results.length;
        if (sp - height == n && (n == 0 || n == 1 && vals[height] == results[0]
                || Arrays.equals(vals, height, sp, results, 0, n))) {
            sp = height;
            return;
        }
        popAll(results);
        if (sp != height) {
            throw invalid("type mismatch: block leaves " + (sp - height) + " more value(s) on the stack than its "
                    + n + " result(s)");
        }
    }

    /** @return the frame index (from the bottom) that label {@code l} refers to */
    final int labelFrame(int l) {
        if (!ModuleContext.inRange(l, depth)) {
            throw invalid("unknown label " + Integer.toUnsignedString(l));
        }
        return depth - 1 - l;
    }

    final byte[] labelTypes(int frame) {
        return ctlKind[frame] == K_LOOP ? ctlParams[frame] : ctlResults[frame];
    }

    /** {@code br_table}: every target must take the same number of values of matching types. */
    final void branchTable(int[] targets, int n, int defaultLabel) {
        pop(ValTypes.I32);
        int arity = labelTypes(labelFrame(defaultLabel)).length;
        // The appendix algorithm pops each target's label types and pushes back what it
        // popped: the stack is unchanged, and operands missing from a polymorphic stack are
        // Unknown and match anything. So only the operands really present are compared.
        int present = Math.min(arity, sp - height);
        if (present < arity && !unreachable) {
            throw invalid("type mismatch: br_table requires " + arity + " operand(s) but the stack has "
                    + present);
        }
        for (int i = 0; i < n; i++) {
            byte[] types = labelTypes(labelFrame(targets[i]));
            if (types.length != arity) {
                throw invalid("type mismatch: br_table targets have " + types.length + " and " + arity
                        + " values");
            }
            checkTop(types, present);
        }
        checkTop(labelTypes(labelFrame(defaultLabel)), present);
        setUnreachable();
    }

    /** The top {@code present} operands must match the last {@code present} of {@code types}. */
    private void checkTop(byte[] types, int present) {
        int n = types.length;
        if (present == 0 || Arrays.equals(vals, sp - present, sp, types, n - present, n)) {
            return;
        }
        for (int i = 0; i < present; i++) {
            int actual = vals[sp - present + i];
            int expected = types[n - present + i];
            if (actual != expected && actual != UNKNOWN) {
                throw invalid("type mismatch: br_table target requires " + ValTypes.name(expected)
                        + " but the stack has " + ValTypes.name(actual));
            }
        }
    }
}
