package dev.weft.docs;

import dev.weft.Memory;

// The host side of docs/cookbook.md's recipes, as the page shows it.

public final class Host {
    /** env.log: (i32, i32) -> (), with the caller's memory. */
    public interface Log {
        void log(Memory memory, int ptr, int len);
    }

    /** env.divmod's two results: (i32, i32). */
    public record DivMod(int quotient, int remainder) {}

    public static DivMod divmod(int a, int b) {
        return new DivMod(a / b, a % b);
    }
}
