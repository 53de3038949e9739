package org.craftline.step;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * A step from the columns of {@code steps}, by name. Jdbi's {@code ConstructorMapper} does the same,
 * but works the record's parameters out anew for every result set, reading each one's annotations
 * again (Java does not keep them, and a step's validation annotations are many): in a write that
 * reads back a day that held steps, that was a fifth of the write's turn (docs/performance.md); every
 * task read back by id or in a list has its steps read this way too.
 */
public final class StepRowMapper implements RowMapper<Step> {

    @Override
    public Step map(ResultSet row, StatementContext ctx) throws SQLException {
        return new Step(row.getString("activity"), row.getInt("minutes"), Mode.valueOf(row.getString("mode")),
                row.getString("tool"), valueOrNull(Discretion.class, row.getString("discretion")),
                valueOrNull(Mediation.class, row.getString("mediation")), row.getString("note"));
    }

    private static <E extends Enum<E>> E valueOrNull(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }
}
