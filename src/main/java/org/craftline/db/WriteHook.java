package org.craftline.db;

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

    /** This hook's work, then {@code next}'s, before and after alike. */
    default WriteHook<T> then(WriteHook<T> next) {
        WriteHook<T> first = this;
        return new WriteHook<>() {
            @Override
            public void before(Handle handle) {
                first.before(handle);
                next.before(handle);
            }

            @Override
            public void after(Handle handle, T result) {
                first.after(handle, result);
                next.after(handle, result);
            }
        };
    }

    @SuppressWarnings("unchecked")
    static <T> WriteHook<T> none() {
        return (WriteHook<T>) NONE;
    }
}
