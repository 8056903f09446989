package dev.weft.decode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The generated opcode constants, names, lookups and type tables agree with each other. */
class WasmInstructionsTest {
    @Test
    void everyOpcodeConstantNamesItsInstruction() throws ReflectiveOperationException {
        int counted = 0;
        for (Field f : WasmOpcodes.class.getFields()) {
            if (!Modifier.isStatic(f.getModifiers()) || f.getType() != int.class || f.getName().startsWith("PREFIX")) {
                continue;
            }
            int op = f.getInt(null);
            String name = f.getName();
            int id;
            if (name.matches("F[BCDE]_.*")) {
                id = WasmInstructions.prefixed(Integer.parseInt(name.substring(0, 2), 16), op);
                name = name.substring(3);
            } else {
                id = WasmInstructions.single(op);
            }
            assertTrue(id >= 0, f.getName());
            assertEquals(id, WasmInstructions.class.getField(name).getInt(null), f.getName());
            counted++;
        }
        assertEquals(WasmInstructions.COUNT, counted);
    }

    @Test
    void countsPerFeature() {
        Map<String, Integer> counts = new HashMap<>();
        for (int id = 0; id < WasmInstructions.COUNT; id++) {
            counts.merge(WasmInstructions.featureName(WasmInstructions.feature(id)), 1, Integer::sum);
        }
        assertEquals(236, counts.get("simd"));
        assertEquals(20, counts.get("relaxed-simd"));
        assertEquals(8, counts.get("nontrapping-fptoint"));
        assertEquals(5, counts.get("sign-extension"));
        assertEquals(32, counts.get("gc"));
        assertEquals(67, counts.get("threads"));
        assertEquals(4, counts.get("wide-arithmetic"));
    }

    @Test
    void lookupsRoundTrip() {
        for (int id = 0; id < WasmInstructions.COUNT; id++) {
            int prefix = WasmInstructions.prefix(id);
            int op = WasmInstructions.opcode(id);
            assertEquals(id, prefix == 0 ? WasmInstructions.single(op) : WasmInstructions.prefixed(prefix, op));
            int[] named = WasmInstructions.byName(WasmInstructions.name(id));
            assertNotNull(named);
            int self = id;
            assertTrue(java.util.Arrays.stream(named).anyMatch(x -> x == self), WasmInstructions.name(id));
        }
        assertArrayEquals(new int[] {WasmInstructions.SELECT, WasmInstructions.SELECT_T}, WasmInstructions.byName("select"));
        assertArrayEquals(new int[] {WasmInstructions.REF_TEST, WasmInstructions.REF_TEST_NULL},
                WasmInstructions.byName("ref.test"));
    }

    @Test
    void unknownOpcodesHaveNoName() {
        assertNull(WasmOpcodes.name(0x16));
        assertNull(WasmOpcodes.name(WasmOpcodes.PREFIX_FD));
        assertNull(WasmOpcodes.name(WasmOpcodes.PREFIX_FC, 0x17));
        assertNull(WasmOpcodes.name(WasmOpcodes.PREFIX_FD, 0x9A));
        assertNull(WasmOpcodes.name(WasmOpcodes.PREFIX_FD, 0x114));
        assertNull(WasmOpcodes.name(0x12, 0));
        assertEquals("0xfd 0x9a", WasmOpcodes.describe(WasmOpcodes.PREFIX_FD, 0x9A));
        assertEquals("i8x16.shuffle", WasmOpcodes.describe(WasmOpcodes.PREFIX_FD, WasmOpcodes.FD_I8X16_SHUFFLE));
        assertEquals("return_call", WasmOpcodes.name(0x12));
    }

    @Test
    void scalarTypesFollowTheMnemonics() {
        // the operand type is the prefix of the mnemonic, except for conversions (suffix) and
        // tests/comparisons, whose result is i32
        for (int id = WasmInstructions.I32_EQZ; id <= WasmInstructions.I64_EXTEND32_S; id++) {
            String name = WasmInstructions.name(id);
            String shape = name.substring(0, 3);
            String in = TypeCodes.name(WasmInstructions.params(id)[0]);
            String out = TypeCodes.name(WasmInstructions.results(id)[0]);
            boolean conversion = name.matches(".*_[if](32|64)(_[su])?$");
            if (conversion) {
                assertTrue(name.contains("_" + in), name + " takes " + in);
                assertEquals(shape, out, name);
            } else {
                assertEquals(shape, in, name);
            }
        }
    }

    @Test
    void memoryAccessesHaveNaturalAlignmentsAndLanes() {
        assertEquals(2, WasmInstructions.naturalAlignment(WasmInstructions.I32_LOAD));
        assertEquals(0, WasmInstructions.naturalAlignment(WasmInstructions.I64_STORE8));
        assertEquals(4, WasmInstructions.naturalAlignment(WasmInstructions.V128_LOAD));
        assertEquals(3, WasmInstructions.naturalAlignment(WasmInstructions.V128_LOAD64_LANE));
        assertEquals(2, WasmInstructions.lanes(WasmInstructions.V128_LOAD64_LANE));
        assertEquals(16, WasmInstructions.lanes(WasmInstructions.I8X16_EXTRACT_LANE_S));
        assertArrayEquals(new byte[] {WasmInstructions.ADDR, TypeCodes.I64}, WasmInstructions.params(WasmInstructions.I64_STORE));
        assertNull(WasmInstructions.params(WasmInstructions.CALL));
    }
}
