package org.craftline.db;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Plain JDBC batches on a Jdbi handle, for the bulk inserts of batches and imports (up to 100,000
 * rows): Jdbi's binding of every argument by name, and {@code @BindMethods}' reflection, cost
 * more than the database's own insert there. The SQL still lives in the DAO that calls this;
 * errors come out as Jdbi's, so a unique violation is still a race {@link Transactions} retries.
 */
public final class JdbcBatches {

    /** Rows sent to the database per {@code executeBatch}, bounding the driver's buffers. */
    private static final int CHUNK = 1000;

    /** Sets one row's parameters on the statement. */
    @FunctionalInterface
    public interface Binder<T> {
        void bind(PreparedStatement statement, T row) throws SQLException;
    }

    private JdbcBatches() {
    }

    public static <T> void execute(Handle handle, String sql, Iterable<T> rows, Binder<T> binder) {
        WritesOnlyInTransactions.check(handle, sql);
        try (PreparedStatement statement = handle.getConnection().prepareStatement(sql)) {
            run(statement, rows, binder, null, null);
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException(e, null);
        }
    }

    /** The same, returning the generated {@code key} of each row in the order given. */
    public static <T> List<Long> executeReturningKeys(Handle handle, String sql, String key, Iterable<T> rows,
                                                      Binder<T> binder) {
        WritesOnlyInTransactions.check(handle, sql);
        try (PreparedStatement statement = handle.getConnection().prepareStatement(sql, new String[] {key})) {
            List<Long> keys = new ArrayList<>();
            run(statement, rows, binder, keys, null);
            return keys;
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException(e, null);
        }
    }

    /**
     * The same, returning how many rows each row's statement changed, in the order given: an
     * {@code UPDATE} that finds no row counts 0.
     */
    public static <T> int[] executeCounting(Handle handle, String sql, Iterable<T> rows, Binder<T> binder) {
        WritesOnlyInTransactions.check(handle, sql);
        try (PreparedStatement statement = handle.getConnection().prepareStatement(sql)) {
            List<Integer> counts = new ArrayList<>();
            run(statement, rows, binder, null, counts);
            return counts.stream().mapToInt(Integer::intValue).toArray();
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException(e, null);
        }
    }

    private static <T> void run(PreparedStatement statement, Iterable<T> rows, Binder<T> binder, List<Long> keys,
                                List<Integer> counts) throws SQLException {
        int pending = 0;
        for (T row : rows) {
            binder.bind(statement, row);
            statement.addBatch();
            if (++pending == CHUNK) {
                flush(statement, keys, counts);
                pending = 0;
            }
        }
        if (pending > 0) {
            flush(statement, keys, counts);
        }
    }

    private static void flush(Statement statement, List<Long> keys, List<Integer> counts) throws SQLException {
        int[] changed = statement.executeBatch();
        if (counts != null) {
            for (int count : changed) {
                counts.add(count);
            }
        }
        if (keys != null) {
            try (ResultSet generated = statement.getGeneratedKeys()) {
                while (generated.next()) {
                    keys.add(generated.getLong(1));
                }
            }
        }
    }
}
