package org.craftline.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.generic.GenericType;
import org.jdbi.v3.sqlobject.SqlObject;

/**
 * The report's SQL, for one worker or a whole team ({@link Scope}), reading only the rollups
 * ({@code worker_days}, {@code worker_day_tools}, {@code worker_months}, {@code worker_month_tools});
 * the steps themselves are never read, so a report costs the days it covers, not the steps behind
 * them. Plain SQL that H2 and PostgreSQL both run.
 */
public interface ReportDao extends SqlObject {

    /**
     * Per period: summed minutes, distinct workers, and the medians over worker-days of the daily
     * fragmentation measures ({@link WorkerDayFigures}), all from the worker-day rollups, never the
     * steps: one indexed range scan, added up into periods as the rows stream in
     * ({@link PeriodAggregation}). Periods without work are absent from the result.
     */
    default List<PeriodTotals> periodTotals(Scope scope, List<Period> periods) {
        return getHandle().createQuery("""
                        SELECT d.work_date, d.worker_id, d.minutes, d.craft_minutes, d.mediation_generated_minutes,
                               d.discretion_prescribed_minutes, d.step_count, d.repeated_minutes, d.activity_count,
                               d.entropy
                        FROM workers s JOIN worker_days d ON d.worker_id = s.id
                        WHERE <scope> AND d.work_date BETWEEN :first AND :last AND d.step_count > 0
                        """)
                .define("scope", scope.condition())
                .bindMap(scope.bindings())
                .bind("first", Series.firstDay(periods))
                .bind("last", Series.lastDay(periods))
                .scanResultSet((rows, context) -> addUp(rows.get(), new PeriodAggregation(periods)));
    }

    private static List<PeriodTotals> addUp(ResultSet pooled, PeriodAggregation aggregation) throws SQLException {
        ResultSet rows = unpooled(pooled);
        while (rows.next()) {
            aggregation.accept(new WorkerDayFigures(rows.getObject(1, LocalDate.class), rows.getLong(2),
                    rows.getInt(3), rows.getInt(4), rows.getInt(5), rows.getInt(6), rows.getInt(7), rows.getInt(8),
                    rows.getInt(9), rows.getDouble(10)));
        }
        return aggregation.totals();
    }

    /** The versions of the months from {@code firstMonth} to {@code last}'s of the workers in scope. */
    default MonthVersions monthVersions(Scope scope, LocalDate firstMonth, LocalDate last) {
        return getHandle().createQuery("""
                        SELECT m.worker_id, m.month_start, m.version
                        FROM workers s JOIN worker_months m ON m.worker_id = s.id
                        WHERE <scope> AND m.month_start BETWEEN :first AND :last
                        """)
                .define("scope", scope.condition())
                .bindMap(scope.bindings())
                .bind("first", firstMonth)
                .bind("last", last)
                .scanResultSet((rows, context) -> {
                    MonthVersions versions = new MonthVersions();
                    ResultSet raw = unpooled(rows.get());
                    while (raw.next()) {
                        versions.add(raw.getLong(1), raw.getObject(2, LocalDate.class), raw.getLong(3));
                    }
                    return versions;
                });
    }

    /**
     * Tools used in the range, most minutes first, each with the first day it was ever used by the
     * scope. Whole months come from {@code worker_month_tools}, the part-months at the ends from
     * {@code worker_day_tools} ({@link MonthSplit}): a team's year is then a dozen rows per worker
     * and tool rather than 365. The ends are two ranges, not one {@code OR}: with the OR, H2 reads
     * every day of every worker. First uses are a query of their own: joined in, H2 ran the rest
     * once per tool.
     */
    default List<ToolUse> tools(Scope scope, LocalDate first, LocalDate last) {
        Map<String, LocalDate> firstUses = firstUses(scope, last);
        MonthSplit split = MonthSplit.of(first, last);
        return getHandle().createQuery("""
                        SELECT u.tool,
                               SUM(u.minutes) AS minutes,
                               SUM(u.craft_minutes) AS craft_minutes,
                               COUNT(DISTINCT u.worker_id) AS workers
                        FROM (
                            SELECT m.worker_id, m.tool, m.minutes, m.craft_minutes
                            FROM workers s JOIN worker_month_tools m ON m.worker_id = s.id
                            WHERE <scope> AND m.month_start BETWEEN :firstMonth AND :lastMonth
                            UNION ALL
                            SELECT d.worker_id, d.tool, d.minutes, d.craft_minutes
                            FROM workers s JOIN worker_day_tools d ON d.worker_id = s.id
                            WHERE <scope> AND d.work_date BETWEEN :headFirst AND :headLast
                            UNION ALL
                            SELECT d.worker_id, d.tool, d.minutes, d.craft_minutes
                            FROM workers s JOIN worker_day_tools d ON d.worker_id = s.id
                            WHERE <scope> AND d.work_date BETWEEN :tailFirst AND :tailLast
                        ) u
                        GROUP BY u.tool
                        ORDER BY minutes DESC, u.tool
                        """)
                .define("scope", scope.condition())
                .bindMap(scope.bindings())
                .bind("headFirst", split.headFirst())
                .bind("headLast", split.headLast())
                .bind("firstMonth", split.firstMonth())
                .bind("lastMonth", split.lastMonth())
                .bind("tailFirst", split.tailFirst())
                .bind("tailLast", split.tailLast())
                .map((rows, context) -> {
                    String tool = rows.getString("tool");
                    long minutes = rows.getLong("minutes");
                    long craftMinutes = rows.getLong("craft_minutes");
                    return new ToolUse(tool, minutes, craftMinutes, minutes - craftMinutes, firstUses.get(tool),
                            rows.getInt("workers"));
                })
                .list();
    }

    /** Each tool's first day of use by the scope, up to {@code last}: a tool used by then was first used by then. */
    private Map<String, LocalDate> firstUses(Scope scope, LocalDate last) {
        return getHandle().createQuery("""
                        SELECT m.tool, MIN(m.first_day) AS first_used
                        FROM workers s JOIN worker_month_tools m ON m.worker_id = s.id
                        WHERE <scope> AND m.month_start <= :last
                        GROUP BY m.tool
                        """)
                .define("scope", scope.condition())
                .bindMap(scope.bindings())
                .bind("last", last)
                .setMapKeyColumn("tool")
                .setMapValueColumn("first_used")
                .collectInto(new GenericType<Map<String, LocalDate>>() { });
    }

    /**
     * The driver's own result set, read by position: a team's year is hundreds of thousands of
     * rows, and the pool's result-set proxy (one reflective call per column) and a reflective row
     * mapper cost more than the database's scan itself.
     */
    private static ResultSet unpooled(ResultSet pooled) throws SQLException {
        return pooled.unwrap(ResultSet.class);
    }
}
