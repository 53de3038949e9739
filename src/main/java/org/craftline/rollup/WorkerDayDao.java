package org.craftline.rollup;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.craftline.db.JdbcBatches;
import org.craftline.step.Step;
import org.craftline.step.StepRowMapper;
import org.jdbi.v3.sqlobject.SqlObject;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.config.KeyColumn;
import org.jdbi.v3.sqlobject.config.ValueColumn;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethodsList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * The rollup rows: {@code worker_days}, one per worker and day with the day's {@link DayRollup}
 * (its minutes are what the 1,440-minute rule locks); {@code worker_day_tools}, one per worker, day
 * and tool; {@code worker_months}, a version per worker and month raised by every write; and
 * {@code worker_month_tools}, one per worker, month and tool.
 */
public interface WorkerDayDao extends SqlObject {

    /**
     * A worker's steps on one day, in the order they were logged: task by task, then position.
     * Through the day's tasks ({@code tasks_worker_date}) and the steps' primary key: steps keep no
     * index by worker of their own (migration 015).
     */
    @SqlQuery("""
            SELECT s.activity, s.minutes, s.mode, s.tool, s.discretion, s.mediation, s.note
            FROM tasks t
            JOIN steps s ON s.task_id = t.id
            WHERE t.worker_id = :workerId AND t.work_date = :workDate
            ORDER BY s.task_id, s.step_no
            """)
    @RegisterRowMapper(StepRowMapper.class)
    List<Step> listStepsOfDay(long workerId, LocalDate workDate);

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

    /**
     * The same for every day of the worker from {@code first} to {@code last}: for a batch of many
     * days, where H2 would test each row against a long IN list (the cost is in docs/performance.md).
     */
    @SqlQuery("""
            SELECT work_date, minutes
            FROM worker_days
            WHERE worker_id = :workerId AND work_date BETWEEN :first AND :last
            ORDER BY work_date
            FOR UPDATE
            """)
    @KeyColumn("work_date")
    @ValueColumn("minutes")
    Map<LocalDate, Integer> lockRange(long workerId, LocalDate first, LocalDate last);

    /**
     * The same for the days from {@code first} to {@code last} of each of {@code workers}, in worker
     * then date order: for a batch of many workers over a few days, one statement, not one a worker.
     */
    @SqlQuery("""
            SELECT worker_id, work_date, minutes
            FROM worker_days
            WHERE worker_id IN (<workers>) AND work_date BETWEEN :first AND :last
            ORDER BY worker_id, work_date
            FOR UPDATE
            """)
    @RegisterConstructorMapper(LockedDay.class)
    List<LockedDay> lockWorkers(@BindList("workers") Collection<Long> workers, LocalDate first, LocalDate last);

    /**
     * The same for the named days of any workers, in worker then date order: the days of a group of
     * single tasks (a day each of many workers) in one statement, not one a worker. PostgreSQL seeks
     * each pair in the primary key and locks the rows after sorting them.
     */
    @SqlQuery("""
            SELECT worker_id, work_date, minutes
            FROM worker_days
            WHERE (worker_id, work_date) IN (<days>)
            ORDER BY worker_id, work_date
            FOR UPDATE
            """)
    @RegisterConstructorMapper(LockedDay.class)
    List<LockedDay> lockDays(@BindMethodsList(value = "days", methodNames = {"workerId", "date"})
                             Collection<WorkerDate> days);

    /** A locked day row's minutes. */
    record LockedDay(long workerId, LocalDate workDate, int minutes) {
    }

    /** The logged minutes of those of the worker's {@code days} that have any, without locking them. */
    @SqlQuery("SELECT work_date, minutes FROM worker_days WHERE worker_id = :workerId AND work_date IN (<days>)")
    @KeyColumn("work_date")
    @ValueColumn("minutes")
    Map<LocalDate, Integer> minutesOn(long workerId, @BindList("days") Collection<LocalDate> days);

    /** {@link #minutesOn} for any number of days, a thousand to a statement (an import may span years). */
    default Map<LocalDate, Integer> minutesOnAll(long workerId, List<LocalDate> days) {
        Map<LocalDate, Integer> stored = new TreeMap<>();
        for (int from = 0; from < days.size(); from += 1000) {
            stored.putAll(minutesOn(workerId, days.subList(from, Math.min(days.size(), from + 1000))));
        }
        return stored;
    }

    /** Each worker's last day with logged minutes, by worker id; a worker who logged nothing is not in it. */
    @SqlQuery("SELECT worker_id, MAX(work_date) AS last_day FROM worker_days WHERE minutes > 0 GROUP BY worker_id")
    @KeyColumn("worker_id")
    @ValueColumn("last_day")
    Map<Long, LocalDate> lastDayByWorker();

    /** Every tool the worker has named in a step. */
    @SqlQuery("SELECT DISTINCT tool FROM worker_month_tools WHERE worker_id = :workerId")
    List<String> toolsUsed(long workerId);

    /** Days' first rows; two first writes to one day collide here on the primary key. */
    default void insert(List<WorkerDay> days) {
        JdbcBatches.execute(getHandle(), """
                INSERT INTO worker_days (minutes, craft_minutes, mediation_none_minutes, mediation_assisted_minutes,
                                         mediation_generated_minutes, discretion_self_minutes,
                                         discretion_within_spec_minutes, discretion_prescribed_minutes, step_count,
                                         repeated_minutes, activity_count, entropy, worker_id, work_date)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, days, WorkerDayDao::bind);
    }

    default void update(List<WorkerDay> days) {
        JdbcBatches.execute(getHandle(), """
                UPDATE worker_days
                SET minutes = ?, craft_minutes = ?, mediation_none_minutes = ?, mediation_assisted_minutes = ?,
                    mediation_generated_minutes = ?, discretion_self_minutes = ?,
                    discretion_within_spec_minutes = ?, discretion_prescribed_minutes = ?, step_count = ?,
                    repeated_minutes = ?, activity_count = ?, entropy = ?
                WHERE worker_id = ? AND work_date = ?
                """, days, WorkerDayDao::bind);
    }

    /** A worker's day and its rollup, for {@link #insert} and {@link #update}. */
    record WorkerDay(long workerId, LocalDate workDate, DayRollup rollup) {
    }

    /** The rollup's figures in the column order both statements above share, then the key. */
    private static void bind(PreparedStatement statement, WorkerDay day) throws SQLException {
        DayRollup r = day.rollup();
        int[] figures = {r.minutes(), r.craftMinutes(), r.mediationNoneMinutes(), r.mediationAssistedMinutes(),
                r.mediationGeneratedMinutes(), r.discretionSelfMinutes(), r.discretionWithinSpecMinutes(),
                r.discretionPrescribedMinutes(), r.stepCount(), r.repeatedMinutes(), r.activityCount()};
        for (int i = 0; i < figures.length; i++) {
            statement.setInt(i + 1, figures[i]);
        }
        statement.setDouble(12, r.entropy());
        statement.setLong(13, day.workerId());
        statement.setObject(14, day.workDate());
    }

    /** The tool rows of each of the days, which are about to be written again. */
    default void deleteTools(List<WorkerDate> days) {
        JdbcBatches.execute(getHandle(), "DELETE FROM worker_day_tools WHERE worker_id = ? AND work_date = ?", days,
                WorkerDayDao::bindKey);
    }

    /** A worker and a date: a day, or the first day of a month. */
    record WorkerDate(long workerId, LocalDate date) {
    }

    private static void bindKey(PreparedStatement statement, WorkerDate key) throws SQLException {
        statement.setLong(1, key.workerId());
        statement.setObject(2, key.date());
    }

    default void insertTools(List<DayTool> tools) {
        JdbcBatches.execute(getHandle(), """
                INSERT INTO worker_day_tools (worker_id, work_date, tool, minutes, craft_minutes)
                VALUES (?, ?, ?, ?, ?)
                """, tools, (insert, tool) -> {
                    insert.setLong(1, tool.workerId());
                    insert.setObject(2, tool.workDate());
                    insert.setString(3, tool.tool());
                    insert.setInt(4, tool.minutes());
                    insert.setInt(5, tool.craftMinutes());
                });
    }

    /** One tool's minutes on one worker's day, as {@code worker_day_tools} holds them. */
    record DayTool(long workerId, LocalDate workDate, String tool, int minutes, int craftMinutes) {
    }

    /**
     * Raises the version of each worker's month that holds a changed day (see {@code worker_months});
     * for each month, how many rows changed: 0 when it has none yet. Called after the days are
     * locked, months in the order of the days.
     */
    default int[] raiseMonthVersions(List<WorkerDate> months) {
        return JdbcBatches.executeCounting(getHandle(),
                "UPDATE worker_months SET version = version + 1 WHERE worker_id = ? AND month_start = ?", months,
                WorkerDayDao::bindKey);
    }

    /** Months' first versions; two first writes to one month collide here on the primary key. */
    default void insertMonthVersions(List<WorkerDate> months) {
        JdbcBatches.execute(getHandle(), "INSERT INTO worker_months (worker_id, month_start, version) VALUES (?, ?, 1)",
                months, WorkerDayDao::bindKey);
    }

    /**
     * Each month's tool minutes and first days, from its {@code worker_day_tools} rows as they now
     * are, in place of what the month held.
     */
    default void rewriteMonthTools(List<WorkerDate> months) {
        JdbcBatches.execute(getHandle(), "DELETE FROM worker_month_tools WHERE worker_id = ? AND month_start = ?",
                months, WorkerDayDao::bindKey);
        JdbcBatches.execute(getHandle(), """
                INSERT INTO worker_month_tools (worker_id, month_start, tool, minutes, craft_minutes, first_day)
                SELECT worker_id, ?, tool, SUM(minutes), SUM(craft_minutes), MIN(work_date)
                FROM worker_day_tools
                WHERE worker_id = ? AND work_date BETWEEN ? AND ?
                GROUP BY worker_id, tool
                """, months, (insert, month) -> {
                    insert.setObject(1, month.date());
                    insert.setLong(2, month.workerId());
                    insert.setObject(3, month.date());
                    insert.setObject(4, month.date().plusMonths(1).minusDays(1));
                });
    }

    /**
     * Adds days that held nothing before to their months' tool rows: each tool's minutes, and its
     * first day if earlier. How many rows each changed: 0 for a tool new to the month, which
     * {@link #insertMonthTools} then adds. The month's version lock makes writes take turns here.
     */
    default int[] addToMonthTools(List<MonthTool> tools) {
        return JdbcBatches.executeCounting(getHandle(), """
                UPDATE worker_month_tools
                SET minutes = minutes + ?, craft_minutes = craft_minutes + ?, first_day = LEAST(first_day, ?)
                WHERE worker_id = ? AND month_start = ? AND tool = ?
                """, tools, WorkerDayDao::bind);
    }

    default void insertMonthTools(List<MonthTool> tools) {
        JdbcBatches.execute(getHandle(), """
                INSERT INTO worker_month_tools (minutes, craft_minutes, first_day, worker_id, month_start, tool)
                VALUES (?, ?, ?, ?, ?, ?)
                """, tools, WorkerDayDao::bind);
    }

    /** A month tool's figures in the column order both statements above share, then its key. */
    private static void bind(PreparedStatement statement, MonthTool tool) throws SQLException {
        statement.setInt(1, tool.minutes());
        statement.setInt(2, tool.craftMinutes());
        statement.setObject(3, tool.firstDay());
        statement.setLong(4, tool.workerId());
        statement.setObject(5, tool.monthStart());
        statement.setString(6, tool.tool());
    }

    /** One tool's minutes in one worker's month, and the first day of the month it was used on. */
    record MonthTool(long workerId, LocalDate monthStart, String tool, int minutes, int craftMinutes,
                     LocalDate firstDay) {

        /** This tool's figures with {@code more} of the same month's: minutes summed, the earlier first day. */
        MonthTool plus(MonthTool more) {
            return new MonthTool(workerId, monthStart, tool, minutes + more.minutes, craftMinutes + more.craftMinutes,
                    firstDay.isBefore(more.firstDay) ? firstDay : more.firstDay);
        }
    }
}
