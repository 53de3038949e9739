package org.craftline.report;

import java.time.LocalDate;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

@RegisterConstructorMapper(DailyTotals.class)
public interface ReportDao {

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
}
