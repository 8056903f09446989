package dev.weft.text;

import dev.weft.FunctionType;
import dev.weft.Global;
import dev.weft.GlobalType;
import dev.weft.Imports;
import dev.weft.Limits;
import dev.weft.Memory;
import dev.weft.MemoryType;
import dev.weft.Table;
import dev.weft.TableType;
import dev.weft.ValueType;

import java.util.List;

/**
 * The {@code spectest} host module the spec test suite imports from, as the reference interpreter
 * defines it: {@code print*} functions that do nothing, globals of value 666 (666.6 for floats),
 * a funcref table of 10..20 elements and a memory of 1..2 pages. Fresh state for each script.
 */
public final class Spectest {
    private Spectest() {
    }

    /** @return new {@code spectest} imports */
    public static Imports imports() {
        Imports.Builder b = Imports.builder();
        function(b, "print");
        function(b, "print_i32", ValueType.I32);
        function(b, "print_i64", ValueType.I64);
        function(b, "print_f32", ValueType.F32);
        function(b, "print_f64", ValueType.F64);
        function(b, "print_i32_f32", ValueType.I32, ValueType.F32);
        function(b, "print_f64_f64", ValueType.F64, ValueType.F64);
        b.add("spectest", "global_i32", Global.create(new GlobalType(ValueType.I32, false), 666));
        b.add("spectest", "global_i64", Global.create(new GlobalType(ValueType.I64, false), 666L));
        b.add("spectest", "global_f32", Global.create(new GlobalType(ValueType.F32, false), 666.6f));
        b.add("spectest", "global_f64", Global.create(new GlobalType(ValueType.F64, false), 666.6));
        b.add("spectest", "table", Table.create(new TableType(ValueType.FUNCREF, Limits.of(10, 20))));
        b.add("spectest", "memory", Memory.create(new MemoryType(Limits.of(1, 2))));
        return b.build();
    }

    private static void function(Imports.Builder b, String name, ValueType... params) {
        b.function("spectest", name, FunctionType.of(List.of(params), List.of()), call -> {
        });
    }
}
