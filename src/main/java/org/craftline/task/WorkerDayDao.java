package org.craftline.task;

import java.time.LocalDate;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The worker-day rows ({@code worker_days}): one per worker and day with the minutes logged on it. */
@RegisterConstructorMapper(DayMinutes.class)
public interface WorkerDayDao {

    @SqlQuery("""
            SELECT minutes, craft_minutes
            FROM worker_days
            WHERE worker_id = :workerId AND work_date = :workDate
            FOR UPDATE
            """)
    Optional<DayMinutes> lock(long workerId, LocalDate workDate);

    @SqlUpdate("""
            INSERT INTO worker_days (worker_id, work_date, minutes, craft_minutes)
            VALUES (:workerId, :workDate, :minutes, :craftMinutes)
            """)
    void insert(long workerId, LocalDate workDate, int minutes, int craftMinutes);

    @SqlUpdate("""
            UPDATE worker_days
            SET minutes = :minutes, craft_minutes = :craftMinutes
            WHERE worker_id = :workerId AND work_date = :workDate
            """)
    void update(long workerId, LocalDate workDate, int minutes, int craftMinutes);
}
