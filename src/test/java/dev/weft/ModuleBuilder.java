package dev.weft;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds module binaries in code, for test modules too large or too regular to write in WAT:
 * types, functions, one memory, one funcref table filled from index 0, and function exports.
 */
final class ModuleBuilder {
    private final List<byte[]> types = new ArrayList<>();
    private final List<Integer> functionTypes = new ArrayList<>();
    private final List<byte[]> bodies = new ArrayList<>();
    private final List<byte[]> exports = new ArrayList<>();
    private int memoryPages = -1;
    private int[] tableFunctions;

    /** @return the new type's index */
    int type(List<ValueType> params, List<ValueType> results) {
        Bytes b = new Bytes().u8(0x60).u32(params.size());
        params.forEach(p -> b.u8(p.code()));
        b.u32(results.size());
        results.forEach(r -> b.u8(r.code()));
        types.add(b.toArray());
        return types.size() - 1;
    }

    /** @return the new function's index */
    int function(int type, Code body) {
        functionTypes.add(type);
        bodies.add(body.toArray());
        return bodies.size() - 1;
    }

    ModuleBuilder exportFunction(String name, int function) {
        exports.add(new Bytes().name(name).u8(0x00).u32(function).toArray());
        return this;
    }

    ModuleBuilder memory(int pages) {
        memoryPages = pages;
        return this;
    }

    /** A funcref table holding exactly these functions, from index 0. */
    ModuleBuilder table(int... functions) {
        tableFunctions = functions.clone();
        return this;
    }

    byte[] build() {
        Bytes m = new Bytes().raw(0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00);
        section(m, 1, vector(types));
        section(m, 3, vector(functionTypes.stream().map(t -> new Bytes().u32(t).toArray()).toList()));
        if (tableFunctions != null) {
            section(m, 4, new Bytes().u32(1).u8(0x70).u8(0x00).u32(tableFunctions.length).toArray());
        }
        if (memoryPages >= 0) {
            section(m, 5, new Bytes().u32(1).u8(0x00).u32(memoryPages).toArray());
        }
        section(m, 7, vector(exports));
        if (tableFunctions != null) {
            Bytes e = new Bytes().u32(1).u8(0x00).raw(0x41, 0x00, 0x0B).u32(tableFunctions.length);
            for (int f : tableFunctions) {
                e.u32(f);
            }
            section(m, 9, e.toArray());
        }
        section(m, 10, vector(bodies.stream().map(b -> new Bytes().u32(b.length).bytes(b).toArray()).toList()));
        return m.toArray();
    }

    private static byte[] vector(List<byte[]> items) {
        Bytes b = new Bytes().u32(items.size());
        items.forEach(b::bytes);
        return b.toArray();
    }

    private static void section(Bytes module, int id, byte[] content) {
        module.u8(id).u32(content.length).bytes(content);
    }

    /** A function body: local declarations first, then instructions; {@link #toArray} adds the final {@code end}. */
    static final class Code {
        private final List<int[]> locals = new ArrayList<>();
        private final Bytes code = new Bytes();

        Code locals(int count, ValueType type) {
            locals.add(new int[] {count, type.code()});
            return this;
        }

        /** Raw opcode and immediate bytes. */
        Code op(int... bytes) {
            code.raw(bytes);
            return this;
        }

        Code u32(long v) {
            code.u32(v);
            return this;
        }

        Code i32Const(int v) {
            code.u8(0x41).s64(v);
            return this;
        }

        Code i64Const(long v) {
            code.u8(0x42).s64(v);
            return this;
        }

        Code f64Const(double v) {
            code.u8(0x44);
            long bits = Double.doubleToRawLongBits(v);
            for (int i = 0; i < 8; i++) {
                code.u8((int) (bits >>> (8 * i)) & 0xFF);
            }
            return this;
        }

        Code localGet(int i) {
            return op(0x20).u32(i);
        }

        Code localSet(int i) {
            return op(0x21).u32(i);
        }

        Code localTee(int i) {
            return op(0x22).u32(i);
        }

        Code call(int function) {
            return op(0x10).u32(function);
        }

        byte[] toArray() {
            Bytes b = new Bytes().u32(locals.size());
            for (int[] l : locals) {
                b.u32(l[0]).u8(l[1]);
            }
            return b.bytes(code.toArray()).u8(0x0B).toArray();
        }
    }

    /** A byte buffer with the binary format's encodings. */
    private static final class Bytes {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Bytes u8(int b) {
            out.write(b);
            return this;
        }

        Bytes raw(int... bytes) {
            for (int b : bytes) {
                out.write(b);
            }
            return this;
        }

        Bytes bytes(byte[] b) {
            out.writeBytes(b);
            return this;
        }

        Bytes u32(long v) {
            do {
                int b = (int) (v & 0x7F);
                v >>>= 7;
                out.write(v != 0 ? b | 0x80 : b);
            } while (v != 0);
            return this;
        }

        Bytes s64(long v) {
            boolean more;
            do {
                int b = (int) (v & 0x7F);
                v >>= 7;
                more = !((v == 0 && (b & 0x40) == 0) || (v == -1 && (b & 0x40) != 0));
                out.write(more ? b | 0x80 : b);
            } while (more);
            return this;
        }

        Bytes name(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            return u32(b.length).bytes(b);
        }

        byte[] toArray() {
            return out.toByteArray();
        }
    }
}
