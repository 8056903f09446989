package dev.weft.text;

import dev.weft.decode.TypeCodes;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses types: value types (with the reference type abbreviations {@code funcref} …), heap
 * types, storage types, parameter and result lists, and type definitions (functions, structs,
 * arrays, subtypes, recursion groups) into the {@link TypeDefs}.
 */
final class TypeParser {
    private final Cursor c;
    private final TextContext cx;

    TypeParser(Cursor c, TextContext cx) {
        this.c = c;
        this.cx = cx;
    }

    /** @return true if a value type starts here */
    boolean atValType() {
        if (c.kind() == Lexer.KEYWORD) {
            return numberOrShorthand(c.text()) != 0;
        }
        return c.atField("ref");
    }

    /** @return a value type's code (see {@link TypeCodes}) */
    int valType() {
        if (c.kind() == Lexer.KEYWORD) {
            int t = numberOrShorthand(c.text());
            if (t != 0) {
                c.advance();
                return t;
            }
            throw c.unexpected();
        }
        if (c.atField("ref")) {
            return refType();
        }
        throw c.unexpected();
    }

    /** @return a storage type's code: a value type, or {@code i8}/{@code i16} */
    int storageType() {
        if (c.isKeyword("i8")) {
            c.advance();
            return TypeCodes.I8;
        }
        if (c.isKeyword("i16")) {
            c.advance();
            return TypeCodes.I16;
        }
        return valType();
    }

    /** @return a reference type's code: an abbreviation or {@code (ref null? ht)} */
    int refType() {
        if (c.atField("ref")) {
            c.enterField("ref");
            boolean nullable = false;
            if (c.isKeyword("null")) {
                c.advance();
                nullable = true;
            }
            int ht = heapType();
            c.expectRpar();
            return TypeCodes.ref(ht, nullable);
        }
        if (c.kind() == Lexer.KEYWORD) {
            int t = numberOrShorthand(c.text());
            if (t != 0 && TypeCodes.isRef(t)) {
                c.advance();
                return t;
            }
        }
        throw c.unexpected();
    }

    /** @return a heap type's code: an abstract heap type or a type index */
    int heapType() {
        if (c.kind() == Lexer.KEYWORD) {
            int ht = abstractHeapType(c.text());
            if (ht == 0) {
                throw c.unexpected();
            }
            c.advance();
            return ht;
        }
        return TypeCodes.indexHeapType(cx.types.resolve(c));
    }

    static int abstractHeapType(String k) {
        return switch (k) {
            case "func" -> TypeCodes.FUNC;
            case "extern" -> TypeCodes.EXTERN;
            case "any" -> TypeCodes.ANY;
            case "eq" -> TypeCodes.EQ;
            case "i31" -> TypeCodes.I31;
            case "struct" -> TypeCodes.STRUCT;
            case "array" -> TypeCodes.ARRAY;
            case "none" -> TypeCodes.NONE;
            case "nofunc" -> TypeCodes.NOFUNC;
            case "noextern" -> TypeCodes.NOEXTERN;
            case "exn" -> TypeCodes.EXN;
            case "noexn" -> TypeCodes.NOEXN;
            default -> 0;
        };
    }

    /** @return the code of a number or vector type or a reference abbreviation, or 0 */
    static int numberOrShorthand(String k) {
        return switch (k) {
            case "i32" -> TypeCodes.I32;
            case "i64" -> TypeCodes.I64;
            case "f32" -> TypeCodes.F32;
            case "f64" -> TypeCodes.F64;
            case "v128" -> TypeCodes.V128;
            case "funcref" -> TypeCodes.FUNCREF;
            case "externref" -> TypeCodes.EXTERNREF;
            case "anyref" -> TypeCodes.ref(TypeCodes.ANY, true);
            case "eqref" -> TypeCodes.ref(TypeCodes.EQ, true);
            case "i31ref" -> TypeCodes.ref(TypeCodes.I31, true);
            case "structref" -> TypeCodes.ref(TypeCodes.STRUCT, true);
            case "arrayref" -> TypeCodes.ref(TypeCodes.ARRAY, true);
            case "nullref" -> TypeCodes.ref(TypeCodes.NONE, true);
            case "nullfuncref" -> TypeCodes.ref(TypeCodes.NOFUNC, true);
            case "nullexternref" -> TypeCodes.ref(TypeCodes.NOEXTERN, true);
            case "exnref" -> TypeCodes.EXNREF;
            case "nullexnref" -> TypeCodes.ref(TypeCodes.NOEXN, true);
            default -> 0;
        };
    }

    /** Value types up to the next non-type token (the types of a {@code param}, {@code result} or {@code local}). */
    void valTypes(List<Integer> into) {
        while (atValType()) {
            into.add(valType());
        }
    }

    // ---------------------------------------------------------------- function signatures

    /**
     * A signature: {@code (param …)*} then {@code (result …)*}. With {@code locals}, parameter
     * identifiers are bound there.
     *
     * @param params where the parameter types go
     * @param results where the result types go
     * @param locals where parameter identifiers are bound, or null (they are allowed and ignored)
     */
    void signature(List<Integer> params, List<Integer> results, IndexSpace locals) {
        while (c.atField("param")) {
            c.enterField("param");
            if (c.atId()) {
                int at = c.offset();
                String name = c.id();
                params.add(valType());
                if (locals != null) {
                    locals.bind(name, c, at);
                }
            } else {
                int before = params.size();
                valTypes(params);
                if (locals != null) {
                    locals.add(params.size() - before);
                }
            }
            c.expectRpar();
        }
        results(results);
    }

    /** {@code (result …)*}. */
    void results(List<Integer> results) {
        while (c.atField("result")) {
            c.enterField("result");
            valTypes(results);
            c.expectRpar();
        }
    }

    // ---------------------------------------------------------------- type definitions

    /** {@code (type $id? subtype)} or {@code (rec (type …)*)}: adds the definitions in order. */
    void typeField() {
        if (c.atField("rec")) {
            c.enterField("rec");
            int first = cx.typeDefs.size();
            List<int[]> pending = new ArrayList<>();
            int size = 0;
            int mark = c.pos();
            while (c.atField("type")) {
                c.skipGroup();
                size++;
            }
            c.pos(mark);
            for (int i = 0; i < size; i++) {
                definition(first, size, true);
            }
            c.expectRpar();
            return;
        }
        definition(cx.typeDefs.size(), 1, false);
    }

    private void definition(int group, int groupSize, boolean rec) {
        c.enterField("type");
        int index = cx.typeDefs.size();
        c.optionalId(); // bound by the first pass
        IndexSpace fields = new IndexSpace("field");
        boolean isFinal = true;
        int[] supers = new int[0];
        boolean sub = c.atField("sub");
        if (sub) {
            c.enterField("sub");
            isFinal = false;
            if (c.isKeyword("final")) {
                c.advance();
                isFinal = true;
            }
            List<Integer> s = new ArrayList<>();
            while (IndexSpace.at(c)) {
                s.add(cx.types.resolve(c));
            }
            supers = s.stream().mapToInt(Integer::intValue).toArray();
        }
        c.expectLpar();
        String kind = c.keyword();
        List<Integer> a = new ArrayList<>();
        List<Integer> b = new ArrayList<>();
        int code;
        switch (kind) {
            case "func" -> {
                code = TypeDefs.FUNC;
                signature(a, b, null);
            }
            case "struct" -> {
                code = TypeDefs.STRUCT;
                while (c.atField("field")) {
                    c.enterField("field");
                    if (c.atId()) {
                        int at = c.offset();
                        String name = c.id();
                        fields.bind(name, c, at);
                        fieldType(a, b);
                    } else {
                        int before = a.size();
                        while (!c.atRpar()) {
                            fieldType(a, b);
                        }
                        fields.add(a.size() - before);
                    }
                    c.expectRpar();
                }
            }
            case "array" -> {
                code = TypeDefs.ARRAY;
                fieldType(a, b);
            }
            default -> {
                c.pos(c.pos() - 1);
                throw c.unexpected();
            }
        }
        c.expectRpar();
        if (sub) {
            c.expectRpar();
        }
        c.expectRpar();
        while (cx.fieldNames.size() < index) {
            cx.fieldNames.add(null);
        }
        cx.fieldNames.add(fields);
        cx.typeDefs.add(new TypeDefs.Def(code, ints(a), ints(b), isFinal, supers, group, groupSize, rec));
    }

    private void fieldType(List<Integer> types, List<Integer> mutable) {
        if (c.atField("mut")) {
            c.enterField("mut");
            types.add(storageType());
            mutable.add(1);
            c.expectRpar();
        } else {
            types.add(storageType());
            mutable.add(0);
        }
    }

    static int[] ints(List<Integer> l) {
        int[] r = new int[l.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = l.get(i);
        }
        return r;
    }
}
