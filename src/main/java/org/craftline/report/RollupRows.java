package org.craftline.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.function.Consumer;

/**
 * Reads rollup rows as they stream from a query, by position, from the driver's own result set: a
 * team's year is hundreds of thousands of rows, and the pool's result-set proxy (one reflective call
 * per column) and a reflective row mapper cost more than the database's scan itself. The queries
 * that feed these ({@link ReportDao}, {@link TeamCellDao}) select the columns in the order given.
 */
final class RollupRows {

    /** One worker's minutes with one tool on one day ({@code worker_day_tools}). */
    interface ToolDays {
        void accept(LocalDate day, long workerId, String tool, int minutes, int craftMinutes);
    }

    private RollupRows() {
    }

    /**
     * Worker-days selected as {@code work_date, worker_id, minutes, craft_minutes,
     * mediation_generated_minutes, discretion_prescribed_minutes, step_count, repeated_minutes,
     * activity_count, entropy}.
     */
    static Void days(ResultSet pooled, Consumer<WorkerDayFigures> days) throws SQLException {
        ResultSet rows = pooled.unwrap(ResultSet.class);
        while (rows.next()) {
            days.accept(new WorkerDayFigures(rows.getObject(1, LocalDate.class), rows.getLong(2), rows.getInt(3),
                    rows.getInt(4), rows.getInt(5), rows.getInt(6), rows.getInt(7), rows.getInt(8), rows.getInt(9),
                    rows.getDouble(10)));
        }
        return null;
    }

    /** Worker-day tools selected as {@code work_date, worker_id, tool, minutes, craft_minutes}. */
    static Void dayTools(ResultSet pooled, ToolDays tools) throws SQLException {
        ResultSet rows = pooled.unwrap(ResultSet.class);
        while (rows.next()) {
            tools.accept(rows.getObject(1, LocalDate.class), rows.getLong(2), rows.getString(3), rows.getInt(4),
                    rows.getInt(5));
        }
        return null;
    }
}
