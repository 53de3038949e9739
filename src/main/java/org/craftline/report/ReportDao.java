package org.craftline.report;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.jdbi.v3.sqlobject.SqlObject;

/**
 * The report's SQL: everything is aggregated in the database from the worker-day rollups
 * ({@code worker_days}, {@code worker_day_tools}), for one worker or a whole team, and only one row
 * per period and one per tool come back; the steps themselves are never read, so a report costs
 * the days it covers, not the steps behind them. Standard SQL (window functions, a VALUES list of
 * periods) that H2 and PostgreSQL both run.
 */
public interface ReportDao extends SqlObject {

    /**
     * Per period: summed minutes, distinct workers, and the medians over worker-days of the daily
     * fragmentation measures, all from the worker-day rollups (never the steps). A day's values:
     * mean step length {@code minutes / steps}; repetition share, repeated minutes over all
     * minutes; repertoire, the day's entropy divided by {@code ln K} for K activities (0 when
     * K = 1). Periods without work are absent from the result.
     */
    default List<PeriodTotals> periodTotals(Scope scope, List<Period> periods) {
        Map<String, Object> bindings = new HashMap<>(scope.bindings());
        String sql = """
                WITH periods (period_start) AS (VALUES
                <periods>),
                -- The periods tile the range, so a day's period is the last one starting on or before
                -- it. A scalar subquery, not a join: H2 does not materialise CTEs and would recompute
                -- the days once per period if it nested the loop the other way round.
                day_values AS (
                    SELECT (SELECT MAX(p.period_start) FROM periods p WHERE p.period_start <= d.work_date)
                               AS period_start,
                           d.worker_id, d.minutes, d.craft_minutes,
                           d.mediation_generated_minutes AS generated_minutes,
                           d.discretion_prescribed_minutes AS prescribed_minutes,
                           CAST(d.minutes AS DOUBLE PRECISION) / d.step_count AS step_minutes,
                           CAST(d.repeated_minutes AS DOUBLE PRECISION) / d.minutes AS repetition,
                           CASE WHEN d.activity_count > 1
                                THEN d.entropy / LN(CAST(d.activity_count AS DOUBLE PRECISION))
                                ELSE CAST(0 AS DOUBLE PRECISION) END AS repertoire
                    FROM worker_days d
                    WHERE <scope> AND d.work_date BETWEEN :first AND :last AND d.step_count > 0
                ),
                ranked AS (
                    SELECT v.*,
                           ROW_NUMBER() OVER (PARTITION BY period_start ORDER BY step_minutes) AS step_rank,
                           ROW_NUMBER() OVER (PARTITION BY period_start ORDER BY repetition) AS repetition_rank,
                           ROW_NUMBER() OVER (PARTITION BY period_start ORDER BY repertoire) AS repertoire_rank,
                           COUNT(*) OVER (PARTITION BY period_start) AS day_count
                    FROM day_values v
                )
                -- Medians as the mean of the middle one or two ranked values: PERCENTILE_CONT would do,
                -- but H2 2.4 fails interpolating some DOUBLE values.
                SELECT period_start,
                       SUM(minutes) AS minutes,
                       SUM(craft_minutes) AS craft_minutes,
                       SUM(generated_minutes) AS generated_minutes,
                       SUM(prescribed_minutes) AS prescribed_minutes,
                       COUNT(DISTINCT worker_id) AS workers,
                       AVG(CASE WHEN step_rank IN ((day_count + 1) / 2, (day_count + 2) / 2)
                                THEN step_minutes END) AS mean_step_minutes,
                       AVG(CASE WHEN repetition_rank IN ((day_count + 1) / 2, (day_count + 2) / 2)
                                THEN repetition END) AS repetition_share,
                       AVG(CASE WHEN repertoire_rank IN ((day_count + 1) / 2, (day_count + 2) / 2)
                                THEN repertoire END) AS repertoire
                FROM ranked
                GROUP BY period_start
                ORDER BY period_start
                """;
        bindings.put("first", Series.firstDay(periods));
        bindings.put("last", Series.lastDay(periods));
        return getHandle().createQuery(sql)
                .define("periods", periodValues(periods, bindings))
                .define("scope", scope.condition())
                .bindMap(bindings)
                .registerRowMapper(ConstructorMapper.factory(PeriodTotals.class))
                .mapTo(PeriodTotals.class)
                .list();
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

    /** The periods as the rows of a VALUES list: fixed fragments with bound dates, never values in the SQL text. */
    private static String periodValues(List<Period> periods, Map<String, Object> bindings) {
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < periods.size(); i++) {
            values.append(i == 0 ? "" : ",\n").append("(CAST(:start").append(i).append(" AS DATE))");
            bindings.put("start" + i, periods.get(i).start());
        }
        return values.toString();
    }
}
