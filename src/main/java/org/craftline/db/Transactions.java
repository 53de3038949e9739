package org.craftline.db;

import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.craftline.problem.ApiException;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.HandleConsumer;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a transaction again when it lost a race the database resolves by aborting one side:
 * two first writes to the same new row (a unique violation on one of the {@link #RACED} tables), a
 * deadlock, a lock timeout. Each attempt starts from scratch, so it sees what the winner committed.
 * A unique violation anywhere else is a real duplicate, which no retry can cure: it goes out at
 * once, for the mappers to answer 409 naming the field.
 */
public final class Transactions {

    static final int ATTEMPTS = 5;
    /**
     * The tables whose rows concurrent writes may both create first: the rollups (a day, a month and
     * their tools, made by the first write to them), the team figures (published by every instance's
     * hourly job), and the idempotency keys (one key retried on two instances at once: the loser's
     * next attempt finds the winner's answer and replays it).
     */
    static final Set<String> RACED = Set.of("worker_days", "worker_day_tools", "worker_months", "worker_month_tools",
            "team_publications", "team_weeks", "team_week_tools", "idempotency_keys");
    private static final Logger LOG = LoggerFactory.getLogger(Transactions.class);
    /** How many {@link #write} calls this thread is inside: a write statement runs only when it is above 0. */
    private static final ThreadLocal<int[]> WRITING = ThreadLocal.withInitial(() -> new int[1]);

    private Transactions() {
    }

    /**
     * The one way to run a write: {@code work} in a transaction of its own, run again from scratch
     * when it lost a race. {@code ArchitectureTest} holds that no other code opens a transaction.
     */
    public static <T> T write(Jdbi jdbi, HandleCallback<T, RuntimeException> work) {
        return retryingRaces(() -> OneWriterAtATime.run(jdbi, () -> jdbi.inTransaction(work)));
    }

    /** The same at {@code isolation}, for a write that must read a stable snapshot first. */
    public static <T> T write(Jdbi jdbi, TransactionIsolationLevel isolation, HandleCallback<T, RuntimeException> work) {
        return retryingRaces(() -> OneWriterAtATime.run(jdbi, () -> jdbi.inTransaction(isolation, work)));
    }

    /** The same with the DAO {@code dao} attached to the transaction's handle, for a write one DAO does. */
    public static <D, T> T write(Jdbi jdbi, Class<D> dao, Function<D, T> work) {
        return write(jdbi, handle -> work.apply(handle.attach(dao)));
    }

    /**
     * Fails a statement that changes data outside {@link #write}: such a write would miss the race
     * retry and the typed duplicate answer, and a multi-statement one could commit half-way.
     * {@link WritesOnlyInTransactions} calls it for every statement Jdbi runs, {@link JdbcBatches} for its own.
     */
    static void requireWriteTransaction(String sql) {
        if (WRITING.get()[0] == 0) {
            throw new IllegalStateException("A statement that changes data ran outside Transactions.write: "
                    + sql.strip().lines().findFirst().orElse(""));
        }
    }

    /** A read that needs one transaction throughout, such as a cursor PostgreSQL fetches in pages. */
    public static void read(Jdbi jdbi, HandleConsumer<RuntimeException> work) {
        jdbi.useTransaction(work);
    }

    /** Runs {@code transaction}, again when it lost a race; writes are allowed inside it. */
    static <T> T retryingRaces(Supplier<T> transaction) {
        int[] depth = WRITING.get();
        depth[0]++;
        try {
            return retrying(transaction);
        } finally {
            depth[0]--;
        }
    }

    private static <T> T retrying(Supplier<T> transaction) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.get();
            } catch (JdbiException e) {
                SqlStates.UniqueViolation unique = SqlStates.uniqueViolation(e);
                // A violation the database did not place is taken for a race, as every one was before.
                boolean race = SqlStates.isTransient(e)
                        || unique != null && (unique.table() == null || RACED.contains(unique.table()));
                if (!race) {
                    throw e;
                }
                if (attempt == ATTEMPTS) {
                    // Not the exception as the last argument: logged so, it prints the stack, not what failed.
                    LOG.warn("A write lost {} races in a row; the last: {}", ATTEMPTS, SqlStates.describe(e));
                    throw ApiException.unavailable("Too many simultaneous writes to the same data; try again", 1);
                }
            }
        }
    }
}
