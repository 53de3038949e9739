package org.craftline.db;

import java.sql.PreparedStatement;
import java.util.Locale;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementCustomizer;

/**
 * Holds every statement that changes data to {@link Transactions#write}, the one way to run a write.
 * The server and the commands install it on their Jdbi (tests that build rows directly need not):
 * a statement outside the runner fails at once, loudly, instead of quietly missing the race retry.
 */
public final class WritesOnlyInTransactions implements StatementCustomizer {

    private static final Set<String> CHANGING = Set.of("INSERT", "UPDATE", "DELETE", "MERGE", "UPSERT", "TRUNCATE");

    /** Marks the Jdbi too, for {@link #check}: plain JDBC passes no customizer. */
    private static final String INSTALLED = WritesOnlyInTransactions.class.getName();

    private WritesOnlyInTransactions() {
    }

    public static Jdbi installOn(Jdbi jdbi) {
        jdbi.getConfig(SqlStatements.class).addCustomizer(new WritesOnlyInTransactions()).define(INSTALLED, true);
        return jdbi;
    }

    @Override
    public void beforeExecution(PreparedStatement statement, StatementContext context) {
        String sql = context.getRenderedSql();
        if (changesData(sql)) {
            Transactions.requireWriteTransaction(sql);
        }
    }

    /** The same check for plain JDBC on {@code handle} ({@link JdbcBatches}), where the Jdbi has the guard. */
    static void check(Handle handle, String sql) {
        boolean guarded = Boolean.TRUE.equals(handle.getConfig(SqlStatements.class).getAttribute(INSTALLED));
        if (guarded && changesData(sql)) {
            Transactions.requireWriteTransaction(sql);
        }
    }

    /** Whether the statement's first word is one that changes rows; {@code SELECT ... FOR UPDATE} only locks. */
    static boolean changesData(String sql) {
        String text = sql.stripLeading();
        int end = 0;
        while (end < text.length() && Character.isLetter(text.charAt(end))) {
            end++;
        }
        return CHANGING.contains(text.substring(0, end).toUpperCase(Locale.ROOT));
    }
}
