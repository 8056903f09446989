package dev.weft.text;

import java.util.HashMap;
import java.util.Map;

/**
 * One index space of a module (types, functions, …, a function's locals): how many entries it
 * has and which identifiers name them. An identifier names one entry; a second binding is a
 * {@code duplicate}, an unbound one {@code unknown}, in the reference interpreter's words.
 */
final class IndexSpace {
    private final String category;
    private final Map<String, Integer> names = new HashMap<>();
    private int count;

    /** @param category the entries' kind in messages: {@code function}, {@code type}, {@code local}… */
    IndexSpace(String category) {
        this.category = category;
    }

    /**
     * Adds an entry.
     *
     * @param name its identifier, or null
     * @param c the cursor, for errors
     * @param at where the identifier is
     * @return the entry's index
     */
    int bind(String name, Cursor c, int at) {
        if (name != null && names.putIfAbsent(name, count) != null) {
            throw c.error("duplicate " + category + " $" + name, at);
        }
        return count++;
    }

    /** Adds {@code n} entries without identifiers. */
    void add(int n) {
        count += n;
    }

    int count() {
        return count;
    }

    /** @return the index named {@code $name}, or -1 */
    int lookup(String name) {
        Integer i = names.get(name);
        return i == null ? -1 : i;
    }

    /**
     * Reads an index at the cursor: a number (u32) or a bound identifier.
     *
     * @return the index
     */
    int resolve(Cursor c) {
        if (c.atId()) {
            int at = c.offset();
            String name = c.id();
            Integer i = names.get(name);
            if (i == null) {
                throw c.error("unknown " + category + " $" + name, at);
            }
            return i;
        }
        if (c.atNat()) {
            return c.nat32();
        }
        throw c.unexpected();
    }

    /**
     * Reads the optional {@code (type x)} that starts a type use or block type.
     *
     * @return the type index (any u32: an index beyond the types is the validator's to reject), or
     *     null if there is none
     */
    Integer typeReference(Cursor c) {
        if (!c.atField("type")) {
            return null;
        }
        c.enterField("type");
        int index = resolve(c);
        c.expectRpar();
        return index;
    }

    /** @return true if an index (number or identifier) is at the cursor */
    static boolean at(Cursor c) {
        return c.atId() || c.atNat();
    }
}
