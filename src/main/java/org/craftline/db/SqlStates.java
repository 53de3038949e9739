package org.craftline.db;

import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.tomcat.jdbc.pool.PoolExhaustedException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Reads SQLSTATE codes from a failed statement, so constraint violations can become the right
 * client error. The codes are the standard ones PostgreSQL and H2 share, except where noted.
 */
public final class SqlStates {

    private static final String UNIQUE_VIOLATION = "23505";
    /** 23514 is PostgreSQL's code for a failed CHECK, 23513 is H2's. */
    private static final Set<String> CHECK_VIOLATION = Set.of("23513", "23514");
    /**
     * A transaction that lost a race and may simply be run again: serialization failure or deadlock
     * (40001, both databases), PostgreSQL's deadlock (40P01), H2's lock timeout (HYT00).
     */
    private static final Set<String> TRANSIENT = Set.of("40001", "40P01", "HYT00");

    private static final Set<String> UNAVAILABLE = Set.of("57P01", "57P02", "57P03", "90098", "90121");
    private static final Set<String> OUT_OF_SPACE = Set.of("53100", "90100");
    /** A write refused by a read-only database: PostgreSQL's hot standby (25006), H2 opened read-only (90097). */
    private static final Set<String> READ_ONLY = Set.of("25006", "90097");

    private SqlStates() {
    }

    public static boolean isUniqueViolation(Throwable failure) {
        return UNIQUE_VIOLATION.equals(sqlState(failure));
    }

    /** The table and columns of a unique or primary key violation. */
    public record UniqueViolation(String table, List<String> columns) {
    }

    /** H2 names the index, its table and its columns: {@code ... ON PUBLIC.WORKERS(HANDLE NULLS FIRST) VALUES ...}. */
    private static final Pattern H2_UNIQUE = Pattern.compile("ON (?:\"?PUBLIC\"?\\.)?\"?(\\w+)\"?\\(([^)]*)\\)");
    /** PostgreSQL's detail: {@code Key (worker_id, work_date)=(1, 2023-03-01) already exists.} */
    private static final Pattern PG_KEY = Pattern.compile("Key \\(([^)]*)\\)=");

    /**
     * Which table and columns a unique violation is on, lower case; null for any other failure. A
     * violation whose database did not say where has a null table.
     */
    public static UniqueViolation uniqueViolation(Throwable failure) {
        if (!isUniqueViolation(failure)) {
            return null;
        }
        for (Throwable cause : everyCause(failure)) {
            if (cause instanceof PSQLException postgres && postgres.getServerErrorMessage() != null
                    && postgres.getServerErrorMessage().getTable() != null) {
                ServerErrorMessage server = postgres.getServerErrorMessage();
                Matcher key = PG_KEY.matcher(String.valueOf(server.getDetail()));
                return new UniqueViolation(server.getTable().toLowerCase(Locale.ROOT),
                        key.find() ? columns(key.group(1)) : List.of());
            }
            Matcher h2 = cause instanceof SQLException && cause.getMessage() != null ? H2_UNIQUE.matcher(cause.getMessage()) : null;
            if (h2 != null && h2.find()) {
                return new UniqueViolation(h2.group(1).toLowerCase(Locale.ROOT), columns(h2.group(2)));
            }
        }
        return new UniqueViolation(null, List.of());
    }

    private static List<String> columns(String list) {
        return Arrays.stream(list.split(","))
                .map(column -> column.replace("NULLS FIRST", "").replace("\"", "").strip().toLowerCase(Locale.ROOT))
                .filter(column -> !column.isEmpty()).toList();
    }

    public static boolean isCheckViolation(Throwable failure) {
        return isOneOf(sqlState(failure), CHECK_VIOLATION);
    }

    public static boolean isReadOnly(Throwable failure) {
        return isOneOf(sqlState(failure), READ_ONLY);
    }

    public static boolean isTransient(Throwable failure) {
        return isOneOf(sqlState(failure), TRANSIENT);
    }

    /** A statement cancelled by the statement timeout: PostgreSQL 57014, H2 HYT00. */
    public static boolean isTimeout(Throwable failure) {
        String state = sqlState(failure);
        return "57014".equals(state) || "HYT00".equals(state);
    }

    /** H2's "database may be already in use" (90020): another process, such as a running server, holds the file. */
    public static boolean isDatabaseInUse(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getErrorCode() == 90020 && "90020".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The database cannot be reached or has stopped: a connection failure (SQLSTATE class 08, both
     * databases), PostgreSQL shutting down, crashed or still starting (57P01, 57P02, 57P03), or H2's
     * database closed after an I/O failure (90098, 90121). A later request can succeed.
     */
    public static boolean isUnavailable(Throwable failure) {
        return everyCause(failure).stream().anyMatch(cause -> cause instanceof SQLException sql
                && sql.getSQLState() != null
                && (sql.getSQLState().startsWith("08") || UNAVAILABLE.contains(sql.getSQLState())));
    }

    /**
     * The disk under the database is full: PostgreSQL's disk_full (53100), H2's "no disk space"
     * (90100), or, as H2 mostly reports it, its write failing with the system's ENOSPC or EDQUOT.
     */
    public static boolean isOutOfSpace(Throwable failure) {
        return everyCause(failure).stream().anyMatch(cause ->
                (cause instanceof SQLException sql && OUT_OF_SPACE.contains(String.valueOf(sql.getSQLState())))
                || (cause instanceof IOException io && io.getMessage() != null
                        && (io.getMessage().contains("No space left on device")
                                || io.getMessage().contains("Disk quota exceeded"))));
    }

    /**
     * A failure and everything behind it: causes, suppressed exceptions and a batch's next
     * exceptions. H2 reports a failed batch write as a general error whose I/O failure is only
     * among the suppressed.
     */
    private static List<Throwable> everyCause(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Throwable> found = new ArrayList<>();
        Deque<Throwable> next = new ArrayDeque<>();
        next.add(failure);
        while (!next.isEmpty()) {
            Throwable current = next.poll();
            if (!seen.add(current)) {
                continue;
            }
            found.add(current);
            if (current.getCause() != null) {
                next.add(current.getCause());
            }
            next.addAll(Arrays.asList(current.getSuppressed()));
            if (current instanceof SQLException sql && sql.getNextException() != null) {
                next.add(sql.getNextException());
            }
        }
        return found;
    }

    /**
     * Every message behind a failure, in the order found, for a log line: a stack trace shows the
     * causes but not a failed batch's next exceptions, where H2 keeps the statement's own error.
     */
    public static String describe(Throwable failure) {
        return everyCause(failure).stream().map(cause -> cause.getClass().getSimpleName() + ": " + cause.getMessage())
                .collect(Collectors.joining(" <- "));
    }

    public static boolean isPoolExhausted(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PoolExhaustedException) {
                return true;
            }
        }
        return false;
    }

    /** Set.of(...).contains(null) throws; a failure without an SQLSTATE is simply none of them. */
    private static boolean isOneOf(String state, Set<String> states) {
        return state != null && states.contains(state);
    }

    private static String sqlState(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }
}
