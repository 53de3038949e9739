package org.craftline.common;

import org.jdbi.v3.core.Handle;

/**
 * Work a caller adds to a write's own transaction: {@link #before} runs first, {@link #after} last
 * with the write's result, so that what they store commits or rolls back with the write. The
 * Idempotency-Key record is one ({@code idempotency/IdempotencyKeys}).
 */
public interface WriteHook<T> {

    WriteHook<Object> NONE = new WriteHook<>() {
    };

    default void before(Handle handle) {
    }

    default void after(Handle handle, T result) {
    }

    @SuppressWarnings("unchecked")
    static <T> WriteHook<T> none() {
        return (WriteHook<T>) NONE;
    }
}
