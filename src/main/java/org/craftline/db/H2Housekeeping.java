package org.craftline.db;

import java.sql.SQLException;
import java.time.Duration;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * The upkeep of an H2 file that H2's own background writer would do, and {@code WRITE_DELAY=0}
 * turns off with it (the writer's thread starts only for a delay above 0). H2 never changes a page
 * in place: every commit writes the pages it changed into a new chunk at the end of the file, and
 * the older copies stay behind in chunks that are more and more dead. Without the background
 * writer nothing rewrote the live rest of those chunks, so their space was never freed: the file
 * grew to 4 KB per stored step where the data takes a few hundred bytes (issue 26).
 *
 * <p>Each run does the first part of the writer's housekeeping, in small steps: rewrite the live
 * pages of the emptiest chunks old enough to be overwritten ({@code MVStore.compact}), then drop
 * the chunks left dead, whose space later chunks reuse. The other part, moving chunks into the
 * holes to shorten the file ({@code compactMoveChunks}), is left out: called from outside H2's
 * writer, an assertion inside H2 failed. A run stores the file, so it takes the writers' turn
 * ({@link OneWriterAtATime}): no write is half-way through while it stores. On PostgreSQL, or an
 * H2 database in memory, it does nothing.
 *
 * <p>"Old enough": H2 overwrites a chunk only once it is older than its retention time, 45 s, on
 * the assumption that the operating system has written the file back to the disk by then, so that
 * a power cut finds the older version whole. H2 does not flush at a commit ({@code WRITE_DELAY=0}
 * hands each commit to the operating system, which a killed process cannot lose). At ingest
 * speed, 45 s of chunks was most of the file: 2.8 KB per stored step. So each run first flushes the
 * file itself ({@code FileChannel.force}, outside the writers' turn), and then lets H2 overwrite
 * what was whole in the file before the previous run's turn ended, that flush having put it on the
 * disk; H2's own 45 s still apply to everything else, and to the commits between runs.
 */
public final class H2Housekeeping implements Runnable {

    /**
     * How often it runs (the writer H2 would run sleeps a third of the write delay, at least 10 ms),
     * and below how much it rewrites a run: a write waits behind a run, so runs are short and
     * frequent. 4 MiB a second made single-task POSTs' p99 113-121 ms on H2; 1 MiB every 250 ms,
     * the same upkeep, 77-87 ms, with the same file size after a load (docs/performance.md).
     */
    public static final Duration EVERY = Duration.ofMillis(250);
    /** Chunks are rewritten while their share of live data is below this: H2's own default. */
    static final int TARGET_FILL_RATE = 90;
    /** At most this many bytes of live pages rewritten per run, so a write never waits long behind it. */
    static final int REWRITE_BYTES = 1 << 20;
    /** No run has ended yet: nothing is known to be on the disk. */
    private static final long NOT_FLUSHED = -1;

    private final Jdbi jdbi;
    /**
     * The store's clock (ms) when the last run left the writers' turn: every chunk begun before it
     * was whole in the file then. Runs never overlap (one scheduled thread), so a plain field.
     */
    private long lastTurnEnded = NOT_FLUSHED;

    public H2Housekeeping(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void run() {
        long flushedBefore = jdbi.withHandle(H2Housekeeping::flush) ? lastTurnEnded : NOT_FLUSHED;
        lastTurnEnded = OneWriterAtATime.run(jdbi, () -> jdbi.withHandle(handle -> tidy(handle, flushedBefore)));
    }

    /** Forces what H2 wrote to the file onto the disk; false where there is no file to flush. */
    private static boolean flush(Handle handle) {
        MVStore store = storeOf(handle);
        if (store == null || store.isReadOnly() || store.getFileStore() == null) {
            return false;
        }
        store.sync();
        return true;
    }

    /**
     * Rewrites and drops chunks, letting H2 overwrite those begun before {@code flushedBefore}
     * (store clock, ms; {@link #NOT_FLUSHED}: only those past H2's retention time). Returns the
     * store's clock at its end.
     */
    private static long tidy(Handle handle, long flushedBefore) {
        MVStore store = storeOf(handle);
        if (store == null || store.isReadOnly() || store.getFileStore() == null) {
            return NOT_FLUSHED;
        }
        int retention = store.getRetentionTime();
        // H2 overwrites a chunk once its time plus the retention time is at most now: this
        // retention admits exactly the chunks begun before flushedBefore. The store's clock never
        // runs back, but a store opened again since has a clock of its own, which may be behind:
        // then, as before the first flush, H2's own time stays.
        long sinceFlushed = store.getTimeAbsolute() - flushedBefore + 1;
        if (flushedBefore != NOT_FLUSHED && sinceFlushed > 0) {
            store.setRetentionTime((int) Math.min(retention, sinceFlushed));
        }
        try {
            // Chunks that died since the last run: commits drop them only after the full 45 s.
            store.executeFilestoreOperation(store.getFileStore()::dropUnusedChunks);
            if (store.compact(TARGET_FILL_RATE, REWRITE_BYTES)) {
                // What H2's own housekeeping does after a rewrite, under the store's lock as it does.
                store.executeFilestoreOperation(store.getFileStore()::dropUnusedChunks);
            }
        } finally {
            // Still in the writers' turn: no commit ran under the shorter time.
            store.setRetentionTime(retention);
        }
        return store.getTimeAbsolute();
    }

    /** The MVStore behind an embedded H2 connection; null for any other. */
    static MVStore storeOf(Handle handle) {
        try {
            if (!handle.getConnection().isWrapperFor(JdbcConnection.class)) {
                return null;
            }
            JdbcConnection connection = handle.getConnection().unwrap(JdbcConnection.class);
            if (!(connection.getSession() instanceof SessionLocal session)
                    || session.getDatabase().getStore() == null) {
                return null;
            }
            return session.getDatabase().getStore().getMvStore();
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException(e, null);
        }
    }
}
