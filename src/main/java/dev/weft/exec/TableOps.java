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

    static int get(int pc, long w, long w2, long[] s, int fp, Machine m) {
        TableInstance t = m.inst.tables[TableUnary.table(w, w2)];
        m.refs[fp + TableUnary.dst(w, w2)] = t.get((int) s[fp + TableUnary.src(w, w2)]);
        return pc + TableUnary.SIZE;
    }

    static int set(int pc, long w, long w2, long[] s, int fp, Machine m) {
        TableInstance t = m.inst.tables[TableBinary.table(w, w2)];
        int index = (int) s[fp + TableBinary.a(w, w2)];
        check(index, 1, t.size);
        t.elements[index] = m.refs[fp + TableBinary.b(w, w2)];
        return pc + TableBinary.SIZE;
    }

    static int size(int pc, long w, long w2, long[] s, int fp, Machine m) {
        s[fp + TableDst.dst(w, w2)] = m.inst.tables[TableDst.table(w, w2)].size;
        return pc + TableDst.SIZE;
    }

    static int grow(int pc, long w, long w2, long[] s, int fp, Machine m) {
        TableInstance t = m.inst.tables[TableGrow.table(w, w2)];
        Object init = m.refs[fp + TableGrow.init(w, w2)];
        int delta = (int) s[fp + TableGrow.delta(w, w2)];
        s[fp + TableGrow.dst(w, w2)] = t.grow(delta, init);
        return pc + TableGrow.SIZE;
    }

    static int fill(int pc, long w, long w2, long[] s, int fp, Machine m) {
        TableInstance t = m.inst.tables[TableBulk3.table(w, w2)];
        int at = (int) s[fp + TableBulk3.a(w, w2)];
        Object value = m.refs[fp + TableBulk3.b(w, w2)];
        int n = (int) s[fp + TableBulk3.c(w, w2)];
        if (m.bounds.chargeBulk(n, pc, fp) != 0) {
            return Machine.SUSPEND;
        }
        check(at, n, t.size);
        Arrays.fill(t.elements, at, at + n, value);
        return pc + TableBulk3.SIZE;
    }

    static int copy(int pc, long w, long w2, long[] s, int fp, Machine m) {
        TableInstance dst = m.inst.tables[TableCopy.dstTable(w, w2)];
        TableInstance src = m.inst.tables[TableCopy.srcTable(w, w2)];
        int d = (int) s[fp + TableCopy.a(w, w2)];
        int from = (int) s[fp + TableCopy.b(w, w2)];
        int n = (int) s[fp + TableCopy.c(w, w2)];
        if (m.bounds.chargeBulk(n, pc, fp) != 0) {
            return Machine.SUSPEND;
        }
        check(d, n, dst.size);
        check(from, n, src.size);
        System.arraycopy(src.elements, from, dst.elements, d, n);
        return pc + TableCopy.SIZE;
    }

    static int init(int pc, long w, long w2, long[] s, int fp, Machine m) {
        int d = (int) s[fp + TableInit.a(w, w2)];
        int from = (int) s[fp + TableInit.b(w, w2)];
        int n = (int) s[fp + TableInit.c(w, w2)];
        if (m.bounds.chargeBulk(n, pc, fp) != 0) {
            return Machine.SUSPEND;
        }
        m.inst.initTable(TableInit.table(w, w2), TableInit.segment(w, w2), d, from, n);
        return pc + TableInit.SIZE;
    }

    static int elemDrop(int pc, long w, long w2, long[] s, int fp, Machine m) {
        m.inst.elements[Segment.segment(w, w2)] = ModuleInstance.NO_ELEMENTS;
        return pc + Segment.SIZE;
    }
}
