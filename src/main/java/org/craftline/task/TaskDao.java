package org.craftline.task;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.craftline.db.JdbcBatches;
import org.craftline.step.Step;
import org.craftline.step.StepRowMapper;
import org.jdbi.v3.core.mapper.Nested;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.result.ResultIterable;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.SqlObject;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.FetchSize;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Every statement on {@code tasks} and {@code steps}. */
@RegisterConstructorMapper(TaskRow.class)
@RegisterConstructorMapper(TaskDao.LockedTask.class)
public interface TaskDao extends SqlObject {

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

    /** Inserts the tasks in JDBC batches; their ids come back in the order given. */
    default List<Long> insertAll(List<NewTask> tasks, Instant now) {
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        return JdbcBatches.executeReturningKeys(getHandle(), """
                INSERT INTO tasks (worker_id, work_date, title, notes, version, created_at, updated_at)
                VALUES (?, ?, ?, ?, 1, ?, ?)
                """, "id", tasks, (insert, task) -> {
                    insert.setLong(1, task.owner().id());
                    insert.setObject(2, task.request().date());
                    insert.setString(3, task.request().normalizedTitle());
                    insert.setString(4, task.request().normalizedNotes());
                    insert.setObject(5, at);
                    insert.setObject(6, at);
                });
    }

    default void insertSteps(long taskId, long workerId, LocalDate workDate, List<Step> steps) {
        insertSteps(List.of(new TaskSteps(taskId, workerId, workDate, steps)));
    }

    /**
     * Inserts tasks' steps, each task's in the order given, in one batch; their numbers keep that
     * order for reads and for the report's repetition measure. Steps repeat the task's worker and
     * date; a composite foreign key keeps them equal.
     */
    default void insertSteps(List<TaskSteps> tasks) {
        List<NumberedStep> rows = new ArrayList<>();
        for (TaskSteps task : tasks) {
            for (int stepNo = 0; stepNo < task.steps().size(); stepNo++) {
                rows.add(new NumberedStep(task, stepNo));
            }
        }
        JdbcBatches.execute(getHandle(), """
                INSERT INTO steps (task_id, step_no, worker_id, work_date, activity, minutes, mode, tool,
                                   discretion, mediation, note)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, rows, (insert, row) -> {
                    Step step = row.task().steps().get(row.stepNo());
                    insert.setLong(1, row.task().taskId());
                    insert.setInt(2, row.stepNo());
                    insert.setLong(3, row.task().workerId());
                    insert.setObject(4, row.task().workDate());
                    insert.setString(5, step.activity());
                    insert.setInt(6, step.minutes());
                    insert.setString(7, step.mode().name());
                    insert.setString(8, step.tool());
                    insert.setString(9, step.discretion() == null ? null : step.discretion().name());
                    insert.setString(10, step.mediation() == null ? null : step.mediation().name());
                    insert.setString(11, step.note());
                });
    }

    /** The {@code stepNo}-th step of a task, as a row to insert. */
    record NumberedStep(TaskSteps task, int stepNo) {
    }

    /** A stored task's steps, normalized, for {@link #insertSteps(List)}. */
    record TaskSteps(long taskId, long workerId, LocalDate workDate, List<Step> steps) {
    }

    /** The first of the worker's tasks titled {@code title} on the day that has room for another step. */
    @SqlQuery("""
            SELECT t.id FROM tasks t
            WHERE t.worker_id = :workerId AND t.work_date = :workDate AND t.title = :title
              AND (SELECT COUNT(*) FROM steps s WHERE s.task_id = t.id) < :maxSteps
            ORDER BY t.id
            FETCH FIRST 1 ROWS ONLY
            """)
    Optional<Long> findWithRoom(long workerId, LocalDate workDate, String title, int maxSteps);

    @SqlQuery(SELECT_TASK + "WHERE t.id = :id")
    Optional<TaskRow> findById(long id);

    /**
     * A page of {@code GET /api/tasks}, and one row more to tell whether another page follows.
     * Each filter given puts a fixed condition at its {@code <name>}; an absent one puts nothing
     * there and leaves its bound value unused. That costs the planner nothing, which
     * {@code (:x IS NULL OR ...)} would not guarantee on PostgreSQL.
     */
    default List<TaskRow> list(TaskQuery query) {
        Query statement = getHandle().createQuery(SELECT_TASK + """
                WHERE 1 = 1 <byWorker> <fromDate> <toDate> <byMode> <byTool> <byActivity> <afterCursor>
                ORDER BY t.work_date DESC, t.id DESC
                LIMIT :fetch
                """);
        statement.getConfig(SqlStatements.class).setUnusedBindingAllowed(true);
        TaskCursor cursor = query.cursor();
        return statement
                .define("byWorker", query.workerId() == null ? "" : "AND t.worker_id = :workerId")
                .define("fromDate", query.from() == null ? "" : "AND t.work_date >= :from")
                .define("toDate", query.to() == null ? "" : "AND t.work_date <= :to")
                .define("byMode", query.mode() == null ? ""
                        : "AND EXISTS (SELECT 1 FROM steps s WHERE s.task_id = t.id AND s.mode = :mode)")
                .define("byTool", query.tool() == null ? ""
                        : "AND EXISTS (SELECT 1 FROM steps s WHERE s.task_id = t.id AND LOWER(s.tool) = LOWER(:tool))")
                .define("byActivity", query.activity() == null ? ""
                        : "AND EXISTS (SELECT 1 FROM steps s WHERE s.task_id = t.id AND s.activity = :activity)")
                .define("afterCursor", cursor == null ? ""
                        : "AND (t.work_date < :cursorDate OR (t.work_date = :cursorDate AND t.id < :cursorId))")
                .bind("workerId", query.workerId())
                .bind("from", query.from())
                .bind("to", query.to())
                .bind("mode", query.mode())
                .bind("tool", query.tool())
                .bind("activity", query.activity())
                .bind("cursorDate", cursor == null ? null : cursor.date())
                .bind("cursorId", cursor == null ? null : cursor.id())
                .bind("fetch", query.limit() + 1)
                .mapTo(TaskRow.class)
                .list();
    }

    @SqlQuery("SELECT id, worker_id, work_date, version FROM tasks WHERE id = :id FOR UPDATE")
    Optional<LockedTask> lockById(long id);

    @SqlQuery("""
            SELECT task_id, activity, minutes, mode, tool, discretion, mediation, note
            FROM steps
            WHERE task_id IN (<taskIds>)
            ORDER BY task_id, step_no
            """)
    @RegisterRowMapper(StepRow.Mapper.class)
    List<StepRow> listStepsByTaskIds(@BindList("taskIds") List<Long> taskIds);

    /**
     * All of a worker's tasks, oldest date first, a row per step in logged order, fetched from the
     * database a thousand rows at a time (PostgreSQL streams only inside a transaction).
     */
    @SqlQuery("""
            SELECT t.id, t.worker_id, w.handle AS worker, t.work_date, t.title, t.notes, t.version, t.created_at,
                   t.updated_at, s.activity, s.minutes, s.mode, s.tool, s.discretion, s.mediation, s.note
            FROM tasks t
            JOIN workers w ON w.id = t.worker_id
            JOIN steps s ON s.task_id = t.id
            WHERE t.worker_id = :workerId
            ORDER BY t.work_date, t.id, s.step_no
            """)
    @RegisterConstructorMapper(TaskStepRow.class)
    @FetchSize(1000)
    ResultIterable<TaskStepRow> streamOfWorker(long workerId);

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

    /** A step read back together with the task it belongs to, to group a page of tasks' steps. */
    record StepRow(long taskId, Step step) {

        /** The step by {@link StepRowMapper}, for every task read back (a GET, the answer of a write). */
        public static final class Mapper implements RowMapper<StepRow> {

            private static final StepRowMapper STEPS = new StepRowMapper();

            @Override
            public StepRow map(ResultSet row, StatementContext ctx) throws SQLException {
                return new StepRow(row.getLong("task_id"), STEPS.map(row, ctx));
            }
        }
    }

    /** A task joined with one of its steps: the export reads a worker's tasks as a stream of these. */
    record TaskStepRow(@Nested TaskRow task, @Nested Step step) {
    }

    /** The parts of a task row a write needs, read under a row lock. */
    record LockedTask(long id, long workerId, LocalDate workDate, int version) {
    }
}
