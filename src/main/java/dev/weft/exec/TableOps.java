package dev.weft.exec;

import dev.weft.code.InstructionDecoder.Segment;
import dev.weft.code.InstructionDecoder.TableBinary;
import dev.weft.code.InstructionDecoder.TableBulk3;
import dev.weft.code.InstructionDecoder.TableCopy;
import dev.weft.code.InstructionDecoder.TableDst;
import dev.weft.code.InstructionDecoder.TableGrow;
import dev.weft.code.InstructionDecoder.TableInit;
import dev.weft.code.InstructionDecoder.TableUnary;
import dev.weft.runtime.ModuleInstance;
import dev.weft.runtime.TableInstance;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;

/** Handlers of the table instructions. Indices and counts are unsigned 32-bit. */
final class TableOps {
    private TableOps() {
    }

    private static void check(int at, int n, long size) {
        if (Integer.toUnsignedLong(at) + Integer.toUnsignedLong(n) > size) {
            throw Traps.tableOutOfBounds();
        }
    }

    static int get(MemorySegment code, int pc, long w, long[] s, int fp, Machine m) {
        TableInstance t = m.inst.tables[TableUnary.table(code, pc, w)];
        m.refs[fp + TableUnary.dst(code, pc, w)] = t.get((int) s[fp + TableUnary.src(code, pc, w)]);
        return pc + TableUnary.SIZE;
    }

    static int set(MemorySegment code, int pc, long w, long[] s, int fp, Machine m) {
        TableInstance t = m.inst.tables[TableBinary.table(code, pc, w)];
        int index = (int) s[fp + TableBinary.a(code, pc, w)];
        check(index, 1, t.size);
        t.elements[index] = m.refs[fp + TableBinary.b(code, pc, w)];
        return pc + TableBinary.SIZE;
    }

    static int size(MemorySegment code, int pc, long w, long[] s, int fp, Machine m) {
        s[fp + TableDst.dst(code, pc, w)] = m.inst.tables[TableDst.table(code, pc, w)].size;
        return pc + TableDst.SIZE;
    }

    static int grow(MemorySegment code, int pc, long w, long[] s, int fp, Machine m) {
        TableInstance t = m.inst.tables[TableGrow.table(code, pc, w)];
        Object init = m.refs[fp + TableGrow.init(code, pc, w)];
        int delta = (int) s[fp + TableGrow.delta(code, pc, w)];
        s[fp + TableGrow.dst(code, pc, w)] = t.grow(delta, init);
        return pc + TableGrow.SIZE;
    }

    static int fill(MemorySegment code, int pc, long w, long[] s, int fp, Machine m) {
        TableInstance t = m.inst.tables[TableBulk3.table(code, pc, w)];
        int at = (int) s[fp + TableBulk3.a(code, pc, w)];
        Object value = m.refs[fp + TableBulk3.b(code, pc, w)];
        int n = (int) s[fp + TableBulk3.c(code, pc, w)];
        check(at, n, t.size);
        Arrays.fill(t.elements, at, at + n, value);
        return pc + TableBulk3.SIZE;
    }

    static int copy(MemorySegment code, int pc, long w, long[] s, int fp, Machine m) {
        TableInstance dst = m.inst.tables[TableCopy.dstTable(code, pc, w)];
        TableInstance src = m.inst.tables[TableCopy.srcTable(code, pc, w)];
        int d = (int) s[fp + TableCopy.a(code, pc, w)];
        int from = (int) s[fp + TableCopy.b(code, pc, w)];
        int n = (int) s[fp + TableCopy.c(code, pc, w)];
        check(d, n, dst.size);
        check(from, n, src.size);
        System.arraycopy(src.elements, from, dst.elements, d, n);
        return pc + TableCopy.SIZE;
    }

    static int init(MemorySegment code, int pc, long w, long[] s, int fp, Machine m) {
        int d = (int) s[fp + TableInit.a(code, pc, w)];
        int from = (int) s[fp + TableInit.b(code, pc, w)];
        int n = (int) s[fp + TableInit.c(code, pc, w)];
        m.inst.initTable(TableInit.table(code, pc, w), TableInit.segment(code, pc, w), d, from, n);
        return pc + TableInit.SIZE;
    }

    static int elemDrop(MemorySegment code, int pc, long w, long[] s, int fp, Machine m) {
        m.inst.elements[Segment.segment(code, pc, w)] = ModuleInstance.NO_ELEMENTS;
        return pc + Segment.SIZE;
    }
}
