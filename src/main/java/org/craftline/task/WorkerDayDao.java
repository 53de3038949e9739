package org.craftline.task;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.sqlobject.config.KeyColumn;
import org.jdbi.v3.sqlobject.config.ValueColumn;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The rollup rows: {@code worker_days}, one per worker and day with the day's {@link DayRollup}
 * (its minutes are what the 1,440-minute rule locks); {@code worker_day_tools}, one per worker, day
 * and tool; {@code worker_months}, a version per worker and month raised by every write; and
 * {@code worker_month_tools}, one per worker, month and tool.
 */
public interface WorkerDayDao {

    /**
     * The logged minutes of those of the worker's {@code days} that have a row, each row locked until
     * the transaction ends, in date order (so two writes over the same days cannot deadlock).
     */
    @SqlQuery("""
            SELECT work_date, minutes
            FROM worker_days
            WHERE worker_id = :workerId AND work_date IN (<days>)
            ORDER BY work_date
            FOR UPDATE
            """)
    @KeyColumn("work_date")
    @ValueColumn("minutes")
    Map<LocalDate, Integer> lock(long workerId, @BindList("days") Collection<LocalDate> days);

    /** Days' first rows; two first writes to one day collide here on the primary key. */
    @SqlBatch("""
            INSERT INTO worker_days (worker_id, work_date, minutes, craft_minutes, mediation_none_minutes,
                                     mediation_assisted_minutes, mediation_generated_minutes,
                                     discretion_self_minutes, discretion_within_spec_minutes,
                                     discretion_prescribed_minutes, step_count, repeated_minutes,
                                     activity_count, entropy)
            VALUES (:workerId, :workDate, :r.minutes, :r.craftMinutes, :r.mediationNoneMinutes,
                    :r.mediationAssistedMinutes, :r.mediationGeneratedMinutes, :r.discretionSelfMinutes,
                    :r.discretionWithinSpecMinutes, :r.discretionPrescribedMinutes, :r.stepCount,
                    :r.repeatedMinutes, :r.activityCount, :r.entropy)
            """)
    void insert(long workerId, @Bind("workDate") List<LocalDate> workDates, @BindMethods("r") List<DayRollup> rollups);

    @SqlBatch("""
            UPDATE worker_days
            SET minutes = :r.minutes, craft_minutes = :r.craftMinutes,
                mediation_none_minutes = :r.mediationNoneMinutes,
                mediation_assisted_minutes = :r.mediationAssistedMinutes,
                mediation_generated_minutes = :r.mediationGeneratedMinutes,
                discretion_self_minutes = :r.discretionSelfMinutes,
                discretion_within_spec_minutes = :r.discretionWithinSpecMinutes,
                discretion_prescribed_minutes = :r.discretionPrescribedMinutes,
                step_count = :r.stepCount, repeated_minutes = :r.repeatedMinutes,
                activity_count = :r.activityCount, entropy = :r.entropy
            WHERE worker_id = :workerId AND work_date = :workDate
            """)
    void update(long workerId, @Bind("workDate") List<LocalDate> workDates, @BindMethods("r") List<DayRollup> rollups);

    @SqlUpdate("DELETE FROM worker_day_tools WHERE worker_id = :workerId AND work_date IN (<days>)")
    void deleteTools(long workerId, @BindList("days") Collection<LocalDate> days);

    @SqlBatch("""
            INSERT INTO worker_day_tools (worker_id, work_date, tool, minutes, craft_minutes)
            VALUES (:workerId, :t.workDate, :t.tool, :t.minutes, :t.craftMinutes)
            """)
    void insertTools(long workerId, @BindMethods("t") List<DayTool> tools);

    /** One tool's minutes on one day, as {@code worker_day_tools} holds them. */
    record DayTool(LocalDate workDate, String tool, int minutes, int craftMinutes) {
    }

    /**
     * Raises the version of the worker's month that holds a changed day (see {@code worker_months});
     * 0 rows when the month has none yet. Called after the days are locked, months in date order.
     */
    @SqlUpdate("UPDATE worker_months SET version = version + 1 WHERE worker_id = :workerId AND month_start = :monthStart")
    int raiseMonthVersion(long workerId, LocalDate monthStart);

    /** A month's first version; two first writes to one month collide here on the primary key. */
    @SqlUpdate("INSERT INTO worker_months (worker_id, month_start, version) VALUES (:workerId, :monthStart, 1)")
    void insertMonthVersion(long workerId, LocalDate monthStart);

    @SqlUpdate("DELETE FROM worker_month_tools WHERE worker_id = :workerId AND month_start = :monthStart")
    void deleteMonthTools(long workerId, LocalDate monthStart);

    /** The month's tool minutes and first days, from its {@code worker_day_tools} rows as they now are. */
    @SqlUpdate("""
            INSERT INTO worker_month_tools (worker_id, month_start, tool, minutes, craft_minutes, first_day)
            SELECT worker_id, :monthStart, tool, SUM(minutes), SUM(craft_minutes), MIN(work_date)
            FROM worker_day_tools
            WHERE worker_id = :workerId AND work_date BETWEEN :monthStart AND :monthEnd
            GROUP BY worker_id, tool
            """)
    void insertMonthTools(long workerId, LocalDate monthStart, LocalDate monthEnd);
}
