package org.craftline.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.generic.GenericType;
import org.jdbi.v3.sqlobject.SqlObject;

/**
 * The SQL of one worker's own report, reading only the rollups ({@code worker_days},
 * {@code worker_day_tools}, {@code worker_month_tools}); the steps themselves are never read, so a
 * report costs the days it covers, not the steps behind them. Plain SQL that H2 and PostgreSQL both
 * run. A team's report reads published cells instead ({@link TeamCellDao}).
 */
public interface ReportDao extends SqlObject {

    /**
     * Per period: summed minutes and the medians over the worker's days of the daily fragmentation
     * measures ({@link WorkerDayFigures}), from the day rollups: one indexed range scan, added up
     * into periods as the rows stream in ({@link PeriodAggregation}). Periods without work are
     * absent from the result.
     */
    default List<PeriodTotals> periodTotals(long workerId, List<Period> periods) {
        PeriodAggregation aggregation = new PeriodAggregation(periods);
        getHandle().createQuery("""
                        SELECT d.work_date, d.worker_id, d.minutes, d.craft_minutes, d.mediation_generated_minutes,
                               d.discretion_prescribed_minutes, d.step_count, d.repeated_minutes, d.activity_count,
                               d.entropy
                        FROM worker_days d
                        WHERE d.worker_id = :worker AND d.work_date BETWEEN :first AND :last AND d.step_count > 0
                        """)
                .bind("worker", workerId)
                .bind("first", Series.firstDay(periods))
                .bind("last", Series.lastDay(periods))
                .scanResultSet((rows, context) -> RollupRows.days(rows.get(), aggregation));
        return aggregation.totals();
    }

    /**
     * Tools used in the range, most minutes first, each with the first day the worker ever used it.
     * Whole months come from {@code worker_month_tools}, the part-months at the ends from
     * {@code worker_day_tools} ({@link MonthSplit}): a year is then a dozen rows per tool rather
     * than 365. The ends are two ranges, not one {@code OR}: with the OR, H2 reads every day. First
     * uses are a query of their own: joined in, H2 ran the rest once per tool.
     */
    default List<ToolUse> tools(long workerId, LocalDate first, LocalDate last) {
        Map<String, LocalDate> firstUses = firstUses(workerId, last);
        MonthSplit split = MonthSplit.of(first, last);
        return getHandle().createQuery("""
                        SELECT u.tool,
                               SUM(u.minutes) AS minutes,
                               SUM(u.craft_minutes) AS craft_minutes
                        FROM (
                            SELECT m.tool, m.minutes, m.craft_minutes
                            FROM worker_month_tools m
                            WHERE m.worker_id = :worker AND m.month_start BETWEEN :firstMonth AND :lastMonth
                            UNION ALL
                            SELECT d.tool, d.minutes, d.craft_minutes
                            FROM worker_day_tools d
                            WHERE d.worker_id = :worker AND d.work_date BETWEEN :headFirst AND :headLast
                            UNION ALL
                            SELECT d.tool, d.minutes, d.craft_minutes
                            FROM worker_day_tools d
                            WHERE d.worker_id = :worker AND d.work_date BETWEEN :tailFirst AND :tailLast
                        ) u
                        GROUP BY u.tool
                        ORDER BY minutes DESC, u.tool
                        """)
                .bind("worker", workerId)
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
                    return new ToolUse(tool, minutes, craftMinutes, minutes - craftMinutes, firstUses.get(tool));
                })
                .list();
    }

    /** Each tool's first day of use by the worker, up to {@code last}: a tool used by then was first used by then. */
    private Map<String, LocalDate> firstUses(long workerId, LocalDate last) {
        return getHandle().createQuery("""
                        SELECT m.tool, MIN(m.first_day) AS first_used
                        FROM worker_month_tools m
                        WHERE m.worker_id = :worker AND m.month_start <= :last
                        GROUP BY m.tool
                        """)
                .bind("worker", workerId)
                .bind("last", last)
                .setMapKeyColumn("tool")
                .setMapValueColumn("first_used")
                .collectInto(new GenericType<Map<String, LocalDate>>() { });
    }
}
