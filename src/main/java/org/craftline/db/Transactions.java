package org.craftline.db;

import java.util.function.Supplier;
import org.craftline.problem.ApiException;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a transaction again when it lost a race the database resolves by aborting one side:
 * two first writes to the same new row (unique violation), a deadlock, a lock timeout.
 * Each attempt starts from scratch, so it sees what the winner committed.
 */
public final class Transactions {

    static final int ATTEMPTS = 5;
    private static final Logger LOG = LoggerFactory.getLogger(Transactions.class);

    private Transactions() {
    }

    public static <T> T retryingRaces(Supplier<T> transaction) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.get();
            } catch (JdbiException e) {
                boolean race = SqlStates.isTransient(e) || SqlStates.isUniqueViolation(e);
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
