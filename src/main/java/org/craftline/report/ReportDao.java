package org.craftline.report;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.jdbi.v3.sqlobject.SqlObject;

/**
 * The report's SQL: everything is aggregated in the database, for one worker or a whole team, and
 * only one row per period and one per tool come back. Standard SQL (window functions,
 * a VALUES list of periods) that H2 and PostgreSQL both run.
 */
public interface ReportDao extends SqlObject {

    /**
     * Per period: summed minutes, distinct workers, and the medians over worker-days of the daily
     * fragmentation measures. A day's values: mean step length {@code minutes / steps}; repetition
     * share, the minutes of steps whose activity already occurred earlier that day (steps ordered by
     * task, then position) over all minutes; repertoire, the Shannon entropy of the day's time
     * shares over activities divided by {@code ln K} for K activities (0 when K = 1).
     * Periods without work are absent from the result.
     */
    default List<PeriodTotals> periodTotals(Scope scope, List<Period> periods) {
        Map<String, Object> bindings = new HashMap<>(scope.bindings());
        String sql = """
                WITH periods (period_start) AS (VALUES
                <periods>),
                -- One pass over the steps; window sums give each step its day's and its activity's totals.
                scoped AS (
                    SELECT s.worker_id, s.work_date, s.minutes, s.mode, s.mediation, s.discretion,
                           ROW_NUMBER() OVER (PARTITION BY s.worker_id, s.work_date, s.activity
                                              ORDER BY s.task_id, s.step_no) AS occurrence,
                           SUM(s.minutes) OVER (PARTITION BY s.worker_id, s.work_date, s.activity) AS activity_minutes,
                           SUM(s.minutes) OVER (PARTITION BY s.worker_id, s.work_date) AS day_minutes
                    FROM steps s
                    WHERE <scope> AND s.work_date BETWEEN :first AND :last
                ),
                days AS (
                    SELECT worker_id, work_date,
                           SUM(minutes) AS minutes,
                           SUM(CASE WHEN mode = 'CRAFT' THEN minutes ELSE 0 END) AS craft_minutes,
                           SUM(CASE WHEN mediation = 'GENERATED' THEN minutes ELSE 0 END) AS generated_minutes,
                           SUM(CASE WHEN discretion = 'PRESCRIBED' THEN minutes ELSE 0 END) AS prescribed_minutes,
                           COUNT(*) AS steps,
                           SUM(CASE WHEN occurrence > 1 THEN minutes ELSE 0 END) AS repeated_minutes,
                           SUM(CASE WHEN occurrence = 1 THEN 1 ELSE 0 END) AS activities,
                           -- Shannon entropy of the day's time shares, one term per activity.
                           SUM(CASE WHEN occurrence = 1
                                    THEN -(CAST(activity_minutes AS DOUBLE PRECISION) / day_minutes)
                                         * LN(CAST(activity_minutes AS DOUBLE PRECISION) / day_minutes)
                                    ELSE 0 END) AS entropy
                    FROM scoped
                    GROUP BY worker_id, work_date
                ),
                -- The periods tile the range, so a day's period is the last one starting on or before
                -- it. A scalar subquery, not a join: H2 does not materialise CTEs and would recompute
                -- the days once per period if it nested the loop the other way round.
                day_values AS (
                    SELECT (SELECT MAX(p.period_start) FROM periods p WHERE p.period_start <= d.work_date)
                               AS period_start,
                           d.worker_id, d.minutes, d.craft_minutes, d.generated_minutes, d.prescribed_minutes,
                           CAST(d.minutes AS DOUBLE PRECISION) / d.steps AS step_minutes,
                           CAST(d.repeated_minutes AS DOUBLE PRECISION) / d.minutes AS repetition,
                           CASE WHEN d.activities > 1 THEN d.entropy / LN(CAST(d.activities AS DOUBLE PRECISION))
                                ELSE CAST(0 AS DOUBLE PRECISION) END AS repertoire
                    FROM days d
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
                SELECT s.tool,
                       SUM(s.minutes) AS minutes,
                       SUM(CASE WHEN s.mode = 'CRAFT' THEN s.minutes ELSE 0 END) AS craft_minutes,
                       SUM(CASE WHEN s.mode = 'EXECUTION' THEN s.minutes ELSE 0 END) AS execution_minutes,
                       (SELECT MIN(f.work_date) FROM steps f WHERE f.tool = s.tool AND <scope>) AS first_used,
                       COUNT(DISTINCT s.worker_id) AS workers
                FROM steps s
                WHERE <scope> AND s.tool IS NOT NULL AND s.work_date BETWEEN :first AND :last
                GROUP BY s.tool
                ORDER BY minutes DESC, s.tool
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
