package dev.weft.runtime;

import dev.weft.FunctionType;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Canonical numbers for function types, shared by every module in the JVM, so that
 * {@code call_indirect} compares two ints to check a callee's type, across modules too.
 */
public final class TypeIds {
    private static final ConcurrentHashMap<FunctionType, Integer> IDS = new ConcurrentHashMap<>();
    private static final AtomicInteger NEXT = new AtomicInteger();

    private TypeIds() {
    }

    /**
     * @param type a function type
     * @return its canonical id (equal types, equal ids)
     */
    public static int of(FunctionType type) {
        Integer id = IDS.get(type);
        return id != null ? id : IDS.computeIfAbsent(type, t -> NEXT.getAndIncrement());
    }
}
