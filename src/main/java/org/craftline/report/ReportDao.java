package org.craftline.report;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.jdbi.v3.sqlobject.SqlObject;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

@RegisterConstructorMapper(DailyTotals.class)
public interface ReportDao extends SqlObject {

    /** Served by the index steps_worker_date. */
    @SqlQuery("""
            SELECT work_date,
                   SUM(minutes) AS minutes,
                   SUM(CASE WHEN mode = 'CRAFT' THEN minutes ELSE 0 END) AS craft_minutes
            FROM steps
            WHERE worker_id = :workerId AND work_date BETWEEN :first AND :last
            GROUP BY work_date
            ORDER BY work_date
            """)
    List<DailyTotals> dailyTotals(long workerId, LocalDate first, LocalDate last);

    /**
     * A team's totals per period, with the number of distinct workers behind each, which cannot be
     * added up from days. The periods go in as a VALUES list, which groups by any bucket in SQL that
     * H2 and PostgreSQL both run; periods with no work are absent from the result.
     */
    default List<PeriodTotals> teamTotals(String team, List<Period> periods) {
        StringBuilder values = new StringBuilder();
        Map<String, Object> bindings = new HashMap<>();
        for (int i = 0; i < periods.size(); i++) {
            values.append(i == 0 ? "" : ",\n")
                    .append("(CAST(:start").append(i).append(" AS DATE), CAST(:end").append(i).append(" AS DATE))");
            bindings.put("start" + i, periods.get(i).start());
            bindings.put("end" + i, periods.get(i).end());
        }
        bindings.put("team", team);
        bindings.put("first", Series.firstDay(periods));
        bindings.put("last", Series.lastDay(periods));
        String sql = """
                WITH periods (period_start, period_end) AS (VALUES
                %s)
                SELECT p.period_start,
                       SUM(s.minutes) AS minutes,
                       SUM(CASE WHEN s.mode = 'CRAFT' THEN s.minutes ELSE 0 END) AS craft_minutes,
                       COUNT(DISTINCT s.worker_id) AS workers
                FROM workers w
                JOIN steps s ON s.worker_id = w.id AND s.work_date BETWEEN :first AND :last
                JOIN periods p ON s.work_date BETWEEN p.period_start AND p.period_end
                WHERE w.team = :team
                GROUP BY p.period_start
                ORDER BY p.period_start
                """.formatted(values);
        return getHandle().createQuery(sql)
                .bindMap(bindings)
                .registerRowMapper(ConstructorMapper.factory(PeriodTotals.class))
                .mapTo(PeriodTotals.class)
                .list();
    }
}
