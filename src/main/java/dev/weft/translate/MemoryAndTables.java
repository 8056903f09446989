package dev.weft.translate;

import static dev.weft.translate.Operands.CONST;
import static dev.weft.translate.Variants.NONE;

import dev.weft.ValueType;
import dev.weft.code.Opcodes;
import dev.weft.decode.DecodedModule;
import dev.weft.decode.WasmInstructions;

/**
 * The translator's sixth layer: memory and tables. Loads and stores are the internal
 * instruction of their name or, for floats, of their width (slots hold raw bits), with the static
 * offset as a field; a store of a constant uses its {@link Variants#IMM} form. Then
 * {@code memory.size}/{@code grow}, the bulk memory and table instructions, and
 * {@code ref.func}.
 */
abstract sealed class MemoryAndTables extends Numeric permits Vectors {
    private final int[] threeSlots = new int[3];

    MemoryAndTables(DecodedModule module) {
        super(module);
    }

    @Override
    public void memoryAccess(int instr, int align, int memory, long offset) {
        int op = Variants.OF_WASM[instr];
        if (op == NONE) {
            unsupported(instr);
        }
        if (skipped()) {
            return;
        }
        if (WasmInstructions.params(instr).length == 1) {
            load(op, (int) offset, RESULT[instr]);
        } else {
            store(op, (int) offset);
        }
    }

    private void load(int opcode, int offset, ValueType t) {
        int h = stack.top();
        if (fuseLoadAfterAddImm(opcode, h, offset, t)) {
            return;
        }
        long constant = constantAddress(h, offset);
        int addr = constant >= 0 ? zeroSlot : read(h, 0);
        stack.pop();
        pushResult(out.emitLoad(opcode, dst(h), addr, constant >= 0 ? (int) constant : offset), opcode, h, t);
    }

    /**
     * A constant i32 address (how clang addresses C's globals: {@code i32.const 0} and the global's
     * address as the offset): the effective address is known, and the access reads its address
     * from the zero slot with the effective address as its offset, so the constant needs no
     * instruction of its own. An effective address past 4 GiB (it always traps) is left as it is.
     *
     * @return the effective address, or -1 if the address at h is not such a constant
     */
    private long constantAddress(int h, int offset) {
        if (zeroSlot < 0 || stack.kind(h) != CONST || stack.type(h) != ValueType.I32) {
            return -1;
        }
        long ea = (stack.bits(h) & 0xFFFF_FFFFL) + Integer.toUnsignedLong(offset);
        if (ea > 0xFFFF_FFFFL) {
            return -1;
        }
        zeroSlotUsed = true;
        return ea;
    }

    private void store(int opcode, int offset) {
        int hv = stack.top();
        int ha = hv - 1;
        long constant = constantAddress(ha, offset);
        int addr = constant >= 0 ? zeroSlot : read(ha, 0);
        if (constant >= 0) {
            offset = (int) constant;
        }
        if (stack.kind(hv) == CONST) {
            long v = stack.bits(hv);
            int imm = Variants.IMM[opcode];
            stack.pop(2);
            if (Variants.SHAPE[imm] == Variants.S_STORE_IMM64) {
                note(out.emitStoreImm64(imm, addr, offset, v), imm);
            } else {
                note(out.emitStoreImm32(imm, addr, offset, (int) v), imm);
            }
            return;
        }
        int value = read(hv, 1);
        stack.pop(2);
        note(out.emitStore(opcode, addr, value, offset), opcode);
    }

    @Override
    public final void memorySize(int memory) {
        if (skipped()) {
            return;
        }
        int h = stack.height;
        pushResult(out.memorySize(dst(h)), Opcodes.MEMORY_SIZE, h, ValueType.I32);
    }

    @Override
    public final void memoryGrow(int memory) {
        if (!skipped()) {
            unary(Opcodes.MEMORY_GROW, ValueType.I32);
        }
    }

    @Override
    public final void memoryInit(int data, int memory) {
        if (!skipped()) {
            int[] s = three();
            note(out.memoryInit(data, s[0], s[1], s[2]), Opcodes.MEMORY_INIT);
        }
    }

    @Override
    public final void dataDrop(int data) {
        if (!skipped()) {
            note(out.dataDrop(data), Opcodes.DATA_DROP);
        }
    }

    @Override
    public final void memoryCopy(int dst, int src) {
        if (!skipped()) {
            int[] s = three();
            note(out.memoryCopy(s[0], s[1], s[2]), Opcodes.MEMORY_COPY);
        }
    }

    @Override
    public final void memoryFill(int memory) {
        if (!skipped()) {
            int[] s = three();
            note(out.memoryFill(s[0], s[1], s[2]), Opcodes.MEMORY_FILL);
        }
    }

    // ---------------------------------------------------------------- tables

    @Override
    public final void tableGet(int table) {
        if (skipped()) {
            return;
        }
        ValueType t = module.tables[table].elementType();
        int h = stack.top();
        int index = read(h, 0);
        stack.pop();
        pushResult(out.tableGet(dst(h), index, table), Opcodes.TABLE_GET, h, t);
    }

    @Override
    public final void tableSet(int table) {
        if (skipped()) {
            return;
        }
        int hv = stack.top();
        int index = read(hv - 1, 0);
        int value = read(hv, 1);
        stack.pop(2);
        note(out.tableSet(index, value, table), Opcodes.TABLE_SET);
    }

    @Override
    public final void tableInit(int elem, int table) {
        if (!skipped()) {
            int[] s = three();
            note(out.tableInit(s[0], s[1], s[2], table, elem), Opcodes.TABLE_INIT);
        }
    }

    @Override
    public final void elemDrop(int elem) {
        if (!skipped()) {
            note(out.elemDrop(elem), Opcodes.ELEM_DROP);
        }
    }

    @Override
    public final void tableCopy(int dst, int src) {
        if (!skipped()) {
            int[] s = three();
            note(out.tableCopy(s[0], s[1], s[2], dst, src), Opcodes.TABLE_COPY);
        }
    }

    @Override
    public final void tableGrow(int table) {
        if (skipped()) {
            return;
        }
        int hd = stack.top();
        int hi = hd - 1;
        int init = read(hi, 0);
        int delta = read(hd, 1);
        stack.pop(2);
        pushResult(out.tableGrow(dst(hi), init, delta, table), Opcodes.TABLE_GROW, hi, ValueType.I32);
    }

    @Override
    public final void tableSize(int table) {
        if (skipped()) {
            return;
        }
        int h = stack.height;
        pushResult(out.tableSize(dst(h), table), Opcodes.TABLE_SIZE, h, ValueType.I32);
    }

    @Override
    public final void tableFill(int table) {
        if (!skipped()) {
            int[] s = three();
            note(out.tableFill(s[0], s[1], s[2], table), Opcodes.TABLE_FILL);
        }
    }

    @Override
    public final void refFunc(int function) {
        if (skipped()) {
            return;
        }
        int h = stack.height;
        pushResult(out.refFunc(dst(h), function), Opcodes.REF_FUNC, h, ValueType.FUNCREF);
    }

    /** Reads the top three values as near slots (scratch 0..2 for far ones) and pops them. */
    private int[] three() {
        int h = stack.top() - 2;
        int[] s = threeSlots;
        s[0] = read(h, 0);
        s[1] = read(h + 1, 1);
        s[2] = read(h + 2, 2);
        stack.pop(3);
        return s;
    }
}
