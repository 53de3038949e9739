package org.craftline.imports.capture;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.craftline.db.JdbcBatches;
import org.jdbi.v3.sqlobject.SqlObject;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Every statement on {@code import_days}. */
@RegisterConstructorMapper(ImportDayDao.ImportedTask.class)
@RegisterConstructorMapper(ImportDayDao.ImportedMinutes.class)
public interface ImportDayDao extends SqlObject {

    /** A task a day of {@code origin} became. */
    record ImportedTask(String origin, LocalDate workDate, long taskId) {
    }

    /** The minutes the tasks a day became hold now (edited since, or 0 when deleted). */
    record ImportedMinutes(String origin, LocalDate workDate, int minutes) {
    }

    @SqlQuery("""
            SELECT origin, work_date, task_id FROM import_days
            WHERE worker_id = :workerId AND source = :source
            """)
    List<ImportedTask> tasks(long workerId, String source);

    @SqlQuery("""
            SELECT d.origin, d.work_date, SUM(s.minutes) AS minutes
            FROM import_days d JOIN steps s ON s.task_id = d.task_id
            WHERE d.worker_id = :workerId AND d.source = :source
            GROUP BY d.origin, d.work_date
            """)
    List<ImportedMinutes> minutes(long workerId, String source);

    @SqlUpdate("DELETE FROM import_days WHERE worker_id = :workerId AND source = :source AND origin = :origin "
            + "AND work_date = :workDate")
    void forget(long workerId, String source, String origin, LocalDate workDate);

    default void remember(long workerId, String source, List<ImportedTask> tasks, Instant now) {
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        JdbcBatches.execute(getHandle(), """
                INSERT INTO import_days (worker_id, source, origin, work_date, task_id, imported_at)
                VALUES (?, ?, ?, ?, ?, ?)
                """, tasks, (insert, task) -> {
                    insert.setLong(1, workerId);
                    insert.setString(2, source);
                    insert.setString(3, task.origin());
                    insert.setObject(4, task.workDate());
                    insert.setLong(5, task.taskId());
                    insert.setObject(6, at);
                });
    }
}
