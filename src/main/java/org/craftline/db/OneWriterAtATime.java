package org.craftline.db;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.craftline.problem.ApiException;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.config.JdbiConfig;

/**
 * On H2, one write transaction at a time in this process.
 *
 * <p>Why: H2 stores its maps (each table and each index is one) to the file one after another,
 * while other sessions go on writing; it makes each map's snapshot whole, not all of them together
 * (h2database#2080). Killed after such a store, the file can hold an index's half of an unfinished
 * write without the undo-log entry that would roll it back at the next start. Reads pass over that
 * ownerless entry, but a unique index refuses its key for ever: every insert of it waits out the
 * lock timeout with "Concurrent update in table" (the 503 a crash loop met about once in a hundred
 * kill -9 cycles, on a day's rollup row: no task could be written on that day again). A write
 * commits by storing the file; with one writer, no other session is half-way through a write while
 * that store runs, so every version on disk is whole. The price: about a fifth of H2's throughput
 * under 32 concurrent writers (bench/scale-bench.sh). PostgreSQL needs none of this.
 */
public final class OneWriterAtATime implements JdbiConfig<OneWriterAtATime> {

    /** How long a write waits for the one before it: past that, 503 with a Retry-After, as for a lost race. */
    static final Duration WAIT = Duration.ofSeconds(10);

    /** Shared by every copy of this config made from the Jdbi's; {@code null}: writes run side by side. */
    private ReentrantLock writer;

    public OneWriterAtATime() {
    }

    private OneWriterAtATime(OneWriterAtATime original) {
        writer = original.writer;
    }

    @Override
    public OneWriterAtATime createCopy() {
        return new OneWriterAtATime(this);
    }

    /** Makes the writes on {@code jdbi} take turns when it reaches {@code dialect}'s database in-process (H2). */
    public static Jdbi installOn(Jdbi jdbi, Dialect dialect) {
        if (dialect == Dialect.H2) {
            jdbi.getConfig(OneWriterAtATime.class).writer = new ReentrantLock(true);
        }
        return jdbi;
    }

    /**
     * Runs {@code work} as the one writer on {@code jdbi} (at once where writes run side by side).
     * Before taking a connection, so a write waiting its turn holds none.
     */
    public static <T, X extends Exception> T run(Jdbi jdbi, Work<T, X> work) throws X {
        return run(jdbi, WAIT, work);
    }

    /** The same, waiting at most {@code wait} for the turn. */
    static <T, X extends Exception> T run(Jdbi jdbi, Duration wait, Work<T, X> work) throws X {
        ReentrantLock writer = jdbi.getConfig(OneWriterAtATime.class).writer;
        if (writer == null) {
            return work.run();
        }
        if (!takeTurn(writer, wait)) {
            throw ApiException.unavailable("The database is busy with other writes; try again", 1);
        }
        try {
            return work.run();
        } finally {
            writer.unlock();
        }
    }

    /** What runs as the one writer. */
    @FunctionalInterface
    public interface Work<T, X extends Exception> {
        T run() throws X;
    }

    private static boolean takeTurn(ReentrantLock writer, Duration wait) {
        try {
            return writer.tryLock(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
