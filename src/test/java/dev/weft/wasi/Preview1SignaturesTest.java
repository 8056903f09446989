package dev.weft.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.weft.FunctionType;
import dev.weft.ModuleImport;
import dev.weft.WasmFunction;
import dev.weft.WasmModule;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The host functions have exactly the ABI's signatures. The reference is {@code probe.wat},
 * whose imports were written from wasi-libc's generated {@code api.c} (one import per function of
 * {@code wasi_snapshot_preview1.witx}), independently of {@link Preview1}.
 */
class Preview1SignaturesTest {
    @Test
    void everyFunctionOfTheWitxIsProvidedWithItsExactSignature() {
        WasmModule probe = Probe.module("probe.wasm");
        Map<String, FunctionType> expected = new LinkedHashMap<>();
        for (ModuleImport i : probe.imports()) {
            assertEquals("wasi_snapshot_preview1", i.module());
            expected.put(i.name(), (FunctionType) i.type());
        }
        assertEquals(46, expected.size(), "the witx has 46 functions");
        assertEquals(expected, Preview1.signatures());
    }

    @Test
    void importsBindEveryFunctionWithThatSignature() {
        try (Wasi wasi = Wasi.builder().build()) {
            for (Map.Entry<String, FunctionType> e : Preview1.signatures().entrySet()) {
                Object bound = wasi.imports().lookup("wasi_snapshot_preview1", e.getKey());
                WasmFunction f = assertInstanceOf(WasmFunction.class, bound, e.getKey());
                assertEquals(e.getValue(), f.type(), e.getKey());
            }
        }
    }

    @Test
    void errnoValuesAreTheWitxNumbers() {
        // from wasi/api.h (__WASI_ERRNO_*)
        assertEquals(0, Errno.SUCCESS);
        assertEquals(2, Errno.ACCES);
        assertEquals(8, Errno.BADF);
        assertEquals(20, Errno.EXIST);
        assertEquals(21, Errno.FAULT);
        assertEquals(25, Errno.ILSEQ);
        assertEquals(28, Errno.INVAL);
        assertEquals(29, Errno.IO);
        assertEquals(31, Errno.ISDIR);
        assertEquals(32, Errno.LOOP);
        assertEquals(37, Errno.NAMETOOLONG);
        assertEquals(44, Errno.NOENT);
        assertEquals(52, Errno.NOSYS);
        assertEquals(54, Errno.NOTDIR);
        assertEquals(55, Errno.NOTEMPTY);
        assertEquals(58, Errno.NOTSUP);
        assertEquals(63, Errno.PERM);
        assertEquals(64, Errno.PIPE);
        assertEquals(70, Errno.SPIPE);
        assertEquals(76, Errno.NOTCAPABLE);
        assertEquals("NOTCAPABLE", Errno.name(76));
        assertEquals("2BIG", Errno.name(1));
    }

    @Test
    void rightsAndFlagsAreTheWitxBits() {
        assertEquals(1L << 1, Rights.FD_READ);
        assertEquals(1L << 6, Rights.FD_WRITE);
        assertEquals(1L << 13, Rights.PATH_OPEN);
        assertEquals(1L << 14, Rights.FD_READDIR);
        assertEquals(1L << 27, Rights.POLL_FD_READWRITE);
        assertEquals(1L << 29, Rights.SOCK_ACCEPT);
        assertEquals(1, FdFlags.APPEND);
        assertEquals(16, FdFlags.SYNC);
        assertEquals(8, OpenCalls.O_TRUNC);
        assertEquals(4, OpenCalls.O_EXCL);
        assertEquals(3, FileType.DIRECTORY);
        assertEquals(4, FileType.REGULAR_FILE);
        assertEquals(7, FileType.SYMBOLIC_LINK);
    }
}
