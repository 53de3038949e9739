package org.craftline.report;

import java.time.LocalDate;
import java.util.List;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.jdbi.v3.sqlobject.SqlObject;

/**
 * The report's SQL, for one worker or a whole team, reading only the worker-day rollups
 * ({@code worker_days}, {@code worker_day_tools}); the steps themselves are never read, so a
 * report costs the days it covers, not the steps behind them. Plain SQL that H2 and PostgreSQL
 * both run.
 */
public interface ReportDao extends SqlObject {

    /**
     * Per period: summed minutes, distinct workers, and the medians over worker-days of the daily
     * fragmentation measures ({@link WorkerDayFigures}), all from the worker-day rollups, never the
     * steps: one indexed range scan, added up into periods as the rows stream in
     * ({@link PeriodAggregation}). Periods without work are absent from the result.
     */
    default List<PeriodTotals> periodTotals(Scope scope, List<Period> periods) {
        PeriodAggregation aggregation = new PeriodAggregation(periods);
        getHandle().createQuery("""
                        SELECT work_date, worker_id, minutes, craft_minutes,
                               mediation_generated_minutes AS generated_minutes,
                               discretion_prescribed_minutes AS prescribed_minutes,
                               step_count, repeated_minutes, activity_count, entropy
                        FROM worker_days
                        WHERE <scope> AND work_date BETWEEN :first AND :last AND step_count > 0
                        """)
                .define("scope", scope.condition())
                .bindMap(scope.bindings())
                .bind("first", Series.firstDay(periods))
                .bind("last", Series.lastDay(periods))
                .registerRowMapper(ConstructorMapper.factory(WorkerDayFigures.class))
                .mapTo(WorkerDayFigures.class)
                .forEach(aggregation);
        return aggregation.totals();
    }

    /** Tools used in the range, most minutes first, each with the first day it was ever used by the scope. */
    default List<ToolUse> tools(Scope scope, LocalDate first, LocalDate last) {
        String sql = """
                SELECT t.tool,
                       SUM(t.minutes) AS minutes,
                       SUM(t.craft_minutes) AS craft_minutes,
                       SUM(t.minutes - t.craft_minutes) AS execution_minutes,
                       (SELECT MIN(f.work_date) FROM worker_day_tools f WHERE f.tool = t.tool AND <scope>)
                           AS first_used,
                       COUNT(DISTINCT t.worker_id) AS workers
                FROM worker_day_tools t
                WHERE <scope> AND t.work_date BETWEEN :first AND :last
                GROUP BY t.tool
                ORDER BY minutes DESC, t.tool
                """;
        return getHandle().createQuery(sql)
                .define("scope", scope.condition())
                .bindMap(scope.bindings())
                .bind("first", first)
                .bind("last", last)
                .registerRowMapper(ConstructorMapper.factory(ToolUse.class))
                .mapTo(ToolUse.class)
                .list();
    }
}
