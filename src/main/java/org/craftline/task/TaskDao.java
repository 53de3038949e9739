package org.craftline.task;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(TaskRow.class)
@RegisterConstructorMapper(StepRow.class)
@RegisterConstructorMapper(LockedTask.class)
@RegisterConstructorMapper(DayMinutes.class)
public interface TaskDao {

    String SELECT_TASK = """
            SELECT t.id, t.worker_id, w.handle AS worker, t.work_date, t.title, t.notes,
                   t.version, t.created_at, t.updated_at
            FROM tasks t
            JOIN workers w ON w.id = t.worker_id
            """;

    @SqlUpdate("""
            INSERT INTO tasks (worker_id, work_date, title, notes, version, created_at, updated_at)
            VALUES (:workerId, :workDate, :title, :notes, 1, :now, :now)
            """)
    @GetGeneratedKeys("id")
    long insert(long workerId, LocalDate workDate, String title, String notes, Instant now);

    /** Steps repeat the task's worker and date; a composite foreign key keeps them equal. */
    @SqlBatch("""
            INSERT INTO steps (task_id, step_no, worker_id, work_date, activity, minutes, mode, tool,
                               discretion, mediation, note)
            VALUES (:taskId, :stepNo, :workerId, :workDate, :s.activity, :s.minutes, :s.mode, :s.tool,
                    :s.discretion, :s.mediation, :s.note)
            """)
    void insertSteps(long taskId, long workerId, LocalDate workDate, List<Integer> stepNo,
                     @BindMethods("s") List<Step> steps);

    @SqlQuery(SELECT_TASK + "WHERE t.id = :id")
    Optional<TaskRow> findById(long id);

    @SqlQuery("SELECT id, worker_id, work_date, version FROM tasks WHERE id = :id FOR UPDATE")
    Optional<LockedTask> lockById(long id);

    @SqlQuery("""
            SELECT task_id, activity, minutes, mode, tool, discretion, mediation, note
            FROM steps
            WHERE task_id IN (<taskIds>)
            ORDER BY task_id, step_no
            """)
    List<StepRow> listStepsByTaskIds(@BindList("taskIds") List<Long> taskIds);

    @SqlQuery("""
            SELECT COALESCE(SUM(minutes), 0) AS minutes,
                   COALESCE(SUM(CASE WHEN mode = 'CRAFT' THEN minutes ELSE 0 END), 0) AS craft_minutes
            FROM steps
            WHERE task_id = :taskId
            """)
    DayMinutes sumSteps(long taskId);

    @SqlUpdate("""
            UPDATE tasks
            SET work_date = :workDate, title = :title, notes = :notes, version = version + 1, updated_at = :now
            WHERE id = :id
            """)
    void update(long id, LocalDate workDate, String title, String notes, Instant now);

    @SqlUpdate("DELETE FROM steps WHERE task_id = :taskId")
    void deleteSteps(long taskId);

    @SqlUpdate("DELETE FROM tasks WHERE id = :id")
    void delete(long id);
}
