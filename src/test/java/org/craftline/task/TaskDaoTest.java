package org.craftline.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.craftline.db.SqlStates;
import org.craftline.rollup.DayRollup;
import org.craftline.rollup.WorkerDayDao;
import org.craftline.step.Discretion;
import org.craftline.step.Mediation;
import org.craftline.step.Mode;
import org.craftline.step.Step;
import org.craftline.task.TaskDao.LockedTask;
import org.craftline.task.TaskDao.StepRow;
import org.craftline.testing.TestDatabase;
import org.craftline.worker.CreateWorkerRequest;
import org.craftline.worker.WorkerDao;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The DAO and, through it, the constraints that guard the data whatever the Java code does. */
class TaskDaoTest {

    private static final Instant NOW = Instant.parse("2023-03-15T09:30:00Z");
    private static final LocalDate DAY = LocalDate.parse("2023-03-15");

    Jdbi jdbi;
    TaskDao tasks;
    long worker;

    @BeforeEach
    void database() {
        jdbi = TestDatabase.migrated();
        tasks = jdbi.onDemand(TaskDao.class);
        worker = jdbi.onDemand(WorkerDao.class).insert(
                new CreateWorkerRequest("sam", "Sam", null, null, null), NOW);
    }

    private static Step step(String activity, int minutes, Mode mode) {
        return new Step(activity, minutes, mode, null, null, null, null);
    }

    private long taskWith(List<Step> steps) {
        long id = tasks.insert(worker, DAY, "Rock kit", null, NOW);
        tasks.insertSteps(id, worker, DAY, steps);
        return id;
    }

    @Test
    void insert_thenRead_keepsStepsInOrderWithTheirOptionalFields() {
        Step uv = new Step("uv", 45, Mode.EXECUTION, "RizomUV", Discretion.PRESCRIBED, Mediation.ASSISTED, "by spec");
        long id = taskWith(List.of(step("sculpt", 120, Mode.CRAFT), uv));

        TaskRow row = tasks.findById(id).orElseThrow();
        List<StepRow> steps = tasks.listStepsByTaskIds(List.of(id));

        assertThat(row.worker()).isEqualTo("sam");
        assertThat(row.workDate()).isEqualTo(DAY);
        assertThat(row.version()).isEqualTo(1);
        assertThat(row.createdAt()).isEqualTo(NOW);
        assertThat(steps).extracting(StepRow::step).containsExactly(step("sculpt", 120, Mode.CRAFT), uv);
        assertThat(jdbi.onDemand(WorkerDayDao.class).listStepsOfDay(worker, DAY)).containsExactly(step("sculpt", 120, Mode.CRAFT), uv);
    }

    @Test
    void update_bumpsTheVersion() {
        long id = taskWith(List.of(step("sculpt", 120, Mode.CRAFT)));

        tasks.update(id, DAY, "Renamed", "notes", NOW.plusSeconds(60));

        TaskRow row = tasks.findById(id).orElseThrow();
        assertThat(row.version()).isEqualTo(2);
        assertThat(row.title()).isEqualTo("Renamed");
        assertThat(row.updatedAt()).isEqualTo(NOW.plusSeconds(60));
        assertThat(tasks.lockById(id)).contains(new LockedTask(id, worker, DAY, 2));
    }

    @Test
    void database_refusesStepMinutesOutsideOneToADay() {
        assertThatThrownBy(() -> taskWith(List.of(step("sculpt", 0, Mode.CRAFT))))
                .matches(SqlStates::isCheckViolation);
        assertThatThrownBy(() -> taskWith(List.of(step("sculpt", 1441, Mode.CRAFT))))
                .matches(SqlStates::isCheckViolation);
    }

    @Test
    void database_refusesUnknownModes() {
        long id = tasks.insert(worker, DAY, "t", null, NOW);

        assertThatThrownBy(() -> jdbi.useHandle(h -> h.execute("""
                INSERT INTO steps (task_id, step_no, worker_id, work_date, activity, minutes, mode)
                VALUES (?, 0, ?, ?, 'sculpt', 10, 'DRUDGERY')""", id, worker, DAY)))
                .isInstanceOf(UnableToExecuteStatementException.class)
                .matches(SqlStates::isCheckViolation);
    }

    @Test
    void database_refusesStepsWhoseWorkerOrDateDifferFromTheirTask() {
        long id = tasks.insert(worker, DAY, "t", null, NOW);

        assertThatThrownBy(() -> tasks.insertSteps(id, worker, DAY.plusDays(1),
                List.of(step("sculpt", 10, Mode.CRAFT))))
                .isInstanceOf(UnableToExecuteStatementException.class);
    }

    private static DayRollup day(int minutes, int craftMinutes, int repeatedMinutes) {
        return new DayRollup(minutes, craftMinutes, 0, 0, 0, 0, 0, 0, 1, repeatedMinutes, 1, 0.0, List.of());
    }

    @Test
    void database_refusesAWorkerDayOverADay() {
        WorkerDayDao days = jdbi.onDemand(WorkerDayDao.class);
        days.insert(List.of(new WorkerDayDao.WorkerDay(worker, DAY, day(1440, 0, 0))));

        assertThatThrownBy(() -> days.insert(List.of(new WorkerDayDao.WorkerDay(worker, DAY.plusDays(1),
                day(1441, 0, 0)))))
                .matches(SqlStates::isCheckViolation);

        for (DayRollup wrong : List.of(day(1441, 0, 0), day(100, 200, 0), day(100, 0, 101))) {
            assertThatThrownBy(() -> days.update(List.of(new WorkerDayDao.WorkerDay(worker, DAY, wrong))))
                    .matches(SqlStates::isCheckViolation);
        }
        assertThatThrownBy(() -> days.insertTools(List.of(new WorkerDayDao.DayTool(worker, DAY, "ZBrush", 1441, 0))))
                .matches(SqlStates::isCheckViolation);
    }

    @Test
    void deleteStepsThenTask_removesBoth() {
        long id = taskWith(List.of(step("sculpt", 120, Mode.CRAFT)));

        tasks.deleteSteps(id);
        tasks.delete(id);

        assertThat(tasks.findById(id)).isEmpty();
        assertThat(tasks.listStepsByTaskIds(List.of(id))).isEmpty();
    }
}
