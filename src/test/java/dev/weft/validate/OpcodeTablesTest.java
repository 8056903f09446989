package dev.weft.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.decode.WasmOpcodes;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import org.junit.jupiter.api.Test;

/** The opcode constants, their names and the validator's signature tables agree. */
class OpcodeTablesTest {
    @Test
    void everyConstantHasItsMnemonic() throws IllegalAccessException {
        int single = 0;
        int fc = 0;
        int fd = 0;
        for (Field f : WasmOpcodes.class.getFields()) {
            if (!Modifier.isStatic(f.getModifiers()) || f.getType() != int.class || f.getName().startsWith("PREFIX")) {
                continue;
            }
            int op = f.getInt(null);
            String name = f.getName();
            String mnemonic;
            if (name.startsWith("FC_")) {
                mnemonic = WasmOpcodes.name(WasmOpcodes.PREFIX_FC, op);
                name = name.substring(3);
                fc++;
            } else if (name.startsWith("FD_")) {
                mnemonic = WasmOpcodes.name(WasmOpcodes.PREFIX_FD, op);
                name = name.substring(3);
                fd++;
            } else {
                mnemonic = WasmOpcodes.name(op);
                single++;
            }
            String expected = name.equals("SELECT_T") ? "SELECT" : name;
            assertEquals(expected, mnemonic.toUpperCase().replace('.', '_'), f.getName());
        }
        // WebAssembly 2.0: 182 single-byte instructions plus typed select, 18 0xFC, 236 SIMD
        assertEquals(183, single);
        assertEquals(18, fc);
        assertEquals(236, fd);
    }

    @Test
    void unknownOpcodesHaveNoName() {
        assertNull(WasmOpcodes.name(0x06));
        assertNull(WasmOpcodes.name(WasmOpcodes.PREFIX_FD));
        assertNull(WasmOpcodes.name(WasmOpcodes.PREFIX_FC, 18));
        assertNull(WasmOpcodes.name(WasmOpcodes.PREFIX_FD, 0x9A));
        assertNull(WasmOpcodes.name(WasmOpcodes.PREFIX_FD, 0x100));
        assertNull(WasmOpcodes.name(0x12, 0));
        assertEquals("0xfd 0x9a", WasmOpcodes.describe(WasmOpcodes.PREFIX_FD, 0x9A));
        assertEquals("i8x16.shuffle", WasmOpcodes.describe(WasmOpcodes.PREFIX_FD, WasmOpcodes.FD_I8X16_SHUFFLE));
    }

    @Test
    void everySimdInstructionHasASignature() {
        for (int op = 0; op < 512; op++) {
            boolean named = WasmOpcodes.name(WasmOpcodes.PREFIX_FD, op) != null;
            boolean typed = SimdSignatures.of(op) != SimdSignatures.ILLEGAL;
            assertEquals(named, typed, "0xFD " + op);
        }
    }

    @Test
    void everyNumericInstructionHasASignature() {
        // 0x45 (i32.eqz) .. 0xC4 (i64.extend32_s) are all simple numeric instructions
        for (int op = 0; op < 256; op++) {
            boolean numeric = op >= WasmOpcodes.I32_EQZ && op <= WasmOpcodes.I64_EXTEND32_S;
            assertEquals(numeric, ScalarSignatures.numeric(op) != 0, WasmOpcodes.describe(-1, op));
        }
        for (int sub = 0; sub <= WasmOpcodes.FC_I64_TRUNC_SAT_F64_U; sub++) {
            assertNotEquals(0, ScalarSignatures.truncSat(sub));
        }
        assertEquals(0, ScalarSignatures.truncSat(WasmOpcodes.FC_MEMORY_INIT));
    }

    @Test
    void scalarSignaturesFollowTheMnemonics() {
        // the operand type is the prefix of the mnemonic, except for conversions (suffix) and
        // tests/comparisons, whose result is i32
        for (int op = WasmOpcodes.I32_EQZ; op <= WasmOpcodes.I64_EXTEND32_S; op++) {
            String name = WasmOpcodes.name(op);
            int sig = ScalarSignatures.numeric(op);
            String shape = name.substring(0, 3);
            String in = ValTypes.name(ScalarSignatures.operand(sig));
            String out = ValTypes.name(ScalarSignatures.result(sig));
            boolean conversion = name.matches(".*_[if](32|64)(_[su])?$");
            if (conversion) {
                assertTrue(name.contains("_" + in), name + " takes " + in);
                assertEquals(shape, out, name);
            } else {
                assertEquals(shape, in, name);
            }
        }
    }
}
