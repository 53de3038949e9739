package org.craftline.db;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.craftline.problem.UsageException;
import org.jdbi.v3.core.Handle;

/**
 * The one place where H2 and PostgreSQL differ for Craftline. The schema and every query are the
 * same on both; only session settings and the check of durability settings are not.
 */
public enum Dialect {

    H2 {
        /**
         * Two settings, each unless the operator's URL sets it. H2 closes a database in a JVM
         * shutdown hook of its own, at once, while Jetty is still letting requests in flight finish:
         * they would fail, so the pool closes it instead, after them ({@code DB_CLOSE_ON_EXIT}). And
         * H2 keeps a CLOB of over 256 characters in a LOB store beside its row: after a kill -9 a
         * row was seen to survive without its LOB, and every read of it failed inside H2
         * ({@code LobStorageMap.copyLob}: the stored answer of an Idempotency-Key then answered 500
         * to every retry until it expired). Kept in the row, as values up to 64 MiB now are, a
         * CLOB is committed and recovered with it ({@code MAX_LENGTH_INPLACE_LOB}).
         */
        @Override
        public String serverUrl(String jdbcUrl) {
            String url = withDefault(jdbcUrl, "DB_CLOSE_ON_EXIT", "FALSE");
            return withDefault(url, "MAX_LENGTH_INPLACE_LOB", String.valueOf(IN_ROW_LOB_CHARACTERS));
        }

        private static String withDefault(String url, String setting, String value) {
            return url.toUpperCase(Locale.ROOT).contains(";" + setting + "=") ? url : url + ";" + setting + "=" + value;
        }

        @Override
        public String statementTimeoutSql(Duration timeout) {
            return "SET QUERY_TIMEOUT " + timeout.toMillis();
        }

        /** H2 holds commits in memory for WRITE_DELAY ms (500 by default): a crash loses them. */
        @Override
        List<String> unsafeSettings(Handle handle) {
            // One row for the database, and one more when the URL sets it.
            List<String> writeDelays = handle.createQuery(
                            "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'")
                    .mapTo(String.class).list();
            return writeDelays.stream().allMatch(delay -> "0".equals(delay.trim())) ? List.of()
                    : List.of("WRITE_DELAY=" + String.join("/", writeDelays) + " (add ;WRITE_DELAY=0 to the JDBC URL)");
        }
    },

    POSTGRESQL {
        /**
         * The driver sends a JDBC batch's inserts as multi-row INSERTs ({@code reWriteBatchedInserts}),
         * unless the operator's URL sets it: a batch or an import of thousands of rows is then tens
         * of statements for the server to parse and run, not thousands. Generated keys still come
         * back, in the order of the rows.
         */
        @Override
        public String serverUrl(String jdbcUrl) {
            if (jdbcUrl.toLowerCase(Locale.ROOT).contains("rewritebatchedinserts=")) {
                return jdbcUrl;
            }
            return jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true";
        }

        @Override
        public String statementTimeoutSql(Duration timeout) {
            return "SET statement_timeout = " + timeout.toMillis();
        }

        /**
         * fsync=off can corrupt the database in a crash; synchronous_commit=off acknowledges commits
         * before they are on disk. (local, remote_write and remote_apply all flush locally first.)
         */
        @Override
        List<String> unsafeSettings(Handle handle) {
            List<String> unsafe = new ArrayList<>();
            for (String setting : List.of("fsync", "synchronous_commit")) {
                String value = handle.createQuery("SHOW <setting>").define("setting", setting)
                        .mapTo(String.class).one();
                if ("off".equalsIgnoreCase(value.trim())) {
                    unsafe.add(setting + "=off");
                }
            }
            return unsafe;
        }
    };

    /**
     * The settings every embedded H2 file of Craftline's is opened with, as config.yml's default
     * URL has them: commits written at once ({@code WRITE_DELAY=0}: H2 otherwise holds them for
     * 500 ms, and a kill -9 loses them) and no trace file beside the database.
     */
    public static final String H2_FILE_SETTINGS = ";WRITE_DELAY=0;TRACE_LEVEL_FILE=0";

    /** The JDBC URL of an H2 database in {@code file} (without H2's .mv.db suffix), with {@link #H2_FILE_SETTINGS}. */
    public static String h2FileUrl(java.nio.file.Path file) {
        return "jdbc:h2:" + file.toAbsolutePath() + H2_FILE_SETTINGS;
    }

    /**
     * A pooled connection's initialization: the operator's own query (if any) and then {@code ours},
     * as one string of statements, which both drivers run in order.
     */
    public String withInitialization(String operators, String ours) {
        if (operators == null || operators.isBlank()) {
            return ours;
        }
        return operators.strip().replaceAll(";+\\s*$", "") + "; " + ours;
    }

    /** The dialect of the database {@code handle} is connected to. */
    public static Dialect of(Handle handle) {
        try {
            return of(handle.getConnection().getMetaData().getURL());
        } catch (SQLException e) {
            throw new IllegalStateException("the connection did not say which database it is connected to", e);
        }
    }

    public static Dialect of(String jdbcUrl) {
        String url = jdbcUrl.toLowerCase(Locale.ROOT);
        if (url.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        if (url.startsWith("jdbc:h2:")) {
            return H2;
        }
        throw new UsageException("Craftline runs on H2 (jdbc:h2:...) or PostgreSQL (jdbc:postgresql:...), not "
                + jdbcUrl.replaceAll("[?;].*", ""));
    }

    /** The JDBC URL the server uses for {@code jdbcUrl}: the operator's, with what a graceful shutdown needs. */
    public String serverUrl(String jdbcUrl) {
        return jdbcUrl;
    }

    /**
     * Whether the rows of many workers are best locked ({@code FOR UPDATE}) by one statement with a
     * list of their ids. On PostgreSQL each statement is a round trip, and the index is sought for
     * each id. On H2 a statement is a method call, but {@code FOR UPDATE} with a list of 1,000
     * worker ids and a one-day range cost 733 ms on a table of 300 days a worker, growing with the
     * table; the same query without {@code FOR UPDATE} took 0.8 ms, and a statement per worker
     * 11 ms, flat as the table grew. So H2 locks each worker's rows with a statement of their own.
     */
    public boolean locksManyIdsInOneStatement() {
        return this == POSTGRESQL;
    }

    /** The longest CLOB H2 keeps in its row rather than in its LOB store: 64 MiB. */
    static final int IN_ROW_LOB_CHARACTERS = 64 * 1024 * 1024;

    /** SQL run on every new pooled connection so that no statement runs longer than {@code timeout}. */
    public abstract String statementTimeoutSql(Duration timeout);

    abstract List<String> unsafeSettings(Handle handle);

    /**
     * Refuses to run on settings that can lose acknowledged writes, unless the operator has said,
     * in the configuration, that this database may.
     */
    public void checkDurability(Handle handle, boolean allowUnsafe) {
        List<String> unsafe = unsafeSettings(handle);
        if (!unsafe.isEmpty() && !allowUnsafe) {
            throw new IllegalStateException("Refusing to start: the database runs with " + String.join(", ", unsafe)
                    + ", so a crash can lose writes Craftline has already acknowledged. Fix the setting, or set "
                    + "databaseSafety.allowUnsafeDurability: true if losing data is acceptable here.");
        }
    }
}
