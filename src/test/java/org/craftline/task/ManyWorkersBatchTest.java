package org.craftline.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.craftline.db.WriteHook;
import org.craftline.problem.ApiException;
import org.craftline.problem.Problem.FieldError;
import org.craftline.step.Discretion;
import org.craftline.step.Mediation;
import org.craftline.step.Mode;
import org.craftline.step.Step;
import org.craftline.testing.TestDatabase;
import org.craftline.values.Clocks;
import org.craftline.worker.Worker;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A batch of many workers' tasks keeps every worker's days and months as the same tasks written
 * one at a time would: whether its workers' days are locked by one statement (a few days of many
 * workers, on PostgreSQL) or a statement each (days far apart, and always on H2), on days that held
 * steps before and days that did not. Runs on H2 and, in the PostgreSQL execution, on PostgreSQL.
 */
class ManyWorkersBatchTest {

    private static final LocalDate MONDAY = LocalDate.parse("2023-03-13");

    private static Jdbi jdbi;
    private static TaskService tasks;

    @BeforeAll
    static void database() {
        jdbi = TestDatabase.migrated();
        tasks = new TaskService(jdbi, Clocks.system());
    }

    @Test
    void manyWorkersOnAFewDays_keepTheRollupsOfSingleWrites() {
        batchAndSingleWrites_keepTheSameRollups(6, List.of(MONDAY, MONDAY.plusDays(1)));
    }

    @Test
    void workersOnDaysFarApart_keepTheRollupsOfSingleWrites() {
        batchAndSingleWrites_keepTheSameRollups(3, List.of(MONDAY, MONDAY.plusMonths(3).plusDays(2)));
    }

    private static void batchAndSingleWrites_keepTheSameRollups(int workers, List<LocalDate> days) {
        List<Worker> batched = new ArrayList<>();
        List<Worker> single = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            batched.add(TaskWrites.newWorker(jdbi, null));
            single.add(TaskWrites.newWorker(jdbi, null));
        }
        List<NewTask> batch = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            if (i % 2 == 0) {
                // Half the workers held steps on the first day before: their day is read back, not assumed.
                tasks.create(batched.get(i), task(days.get(0), i, 0));
                tasks.create(single.get(i), task(days.get(0), i, 0));
            }
            for (int d = 0; d < days.size(); d++) {
                batch.add(new NewTask(batched.get(i), task(days.get(d), i, d + 1)));
                tasks.create(single.get(i), task(days.get(d), i, d + 1));
            }
        }

        tasks.createAll(batch, WriteHook.none());

        for (int i = 0; i < workers; i++) {
            assertThat(rollups(batched.get(i))).as("worker %d of the batch", i).isEqualTo(rollups(single.get(i)))
                    .isNotEmpty();
        }
    }

    @Test
    void theDaysLimit_namesTheItemsOfEachWorker_andStoresNothing() {
        Worker full = TaskWrites.newWorker(jdbi, null);
        Worker free = TaskWrites.newWorker(jdbi, null);
        Worker overfilling = TaskWrites.newWorker(jdbi, null);
        tasks.create(full, request(MONDAY, step("sculpt", 1000, null)));
        List<NewTask> batch = List.of(
                new NewTask(full, request(MONDAY, step("uv", 500, null))),
                new NewTask(free, request(MONDAY, step("uv", 500, null))),
                new NewTask(overfilling, request(MONDAY, step("sculpt", 800, null))),
                new NewTask(overfilling, request(MONDAY, step("uv", 700, null))));

        assertThatThrownBy(() -> tasks.createAll(batch, WriteHook.none()))
                .isInstanceOfSatisfying(ApiException.class, refused -> {
                    assertThat(refused.status()).isEqualTo(422);
                    assertThat(refused.problem().errors()).extracting(FieldError::field)
                            .containsExactly("tasks[0].steps", "tasks[2].steps", "tasks[3].steps");
                    assertThat(refused.problem().errors()).extracting(FieldError::message).first().asString()
                            .contains("to 1500 minutes (1000 already logged");
                });
        assertThat(rollups(free)).as("nothing of the batch is stored").isEmpty();
        assertThat(rollups(overfilling)).isEmpty();
    }

    /** The {@code d}-th task of worker {@code i}: steps that differ by worker, with tools and modes. */
    private static TaskRequest task(LocalDate date, int i, int d) {
        return request(date,
                new Step("sculpt", 30 + i + d, Mode.CRAFT, "ZBrush", Discretion.SELF, Mediation.NONE, null),
                new Step("prompt", 15 + d, Mode.EXECUTION, i % 2 == 0 ? "Midjourney v5" : "Maya",
                        Discretion.PRESCRIBED, Mediation.GENERATED, null),
                new Step("sculpt", 10 + i, Mode.CRAFT, "ZBrush", null, null, null));
    }

    private static Step step(String activity, int minutes, String tool) {
        return new Step(activity, minutes, Mode.EXECUTION, tool, null, null, null);
    }

    private static TaskRequest request(LocalDate date, Step... steps) {
        return new TaskRequest(null, date, "t", null, List.of(steps));
    }

    /** The worker's day, day-tool and month-tool rows, and which months have a version, as text. */
    private static List<String> rollups(Worker worker) {
        return jdbi.withHandle(handle -> {
            List<String> rows = new ArrayList<>();
            rows.addAll(handle.createQuery("""
                            SELECT work_date, minutes, craft_minutes, mediation_none_minutes,
                                   mediation_assisted_minutes, mediation_generated_minutes, discretion_self_minutes,
                                   discretion_within_spec_minutes, discretion_prescribed_minutes, step_count,
                                   repeated_minutes, activity_count, entropy
                            FROM worker_days WHERE worker_id = :worker ORDER BY work_date
                            """).bind("worker", worker.id()).mapToMap().map(row -> "day " + row).list());
            rows.addAll(handle.createQuery("""
                            SELECT work_date, tool, minutes, craft_minutes FROM worker_day_tools
                            WHERE worker_id = :worker ORDER BY work_date, tool
                            """).bind("worker", worker.id()).mapToMap().map(row -> "day tool " + row).list());
            rows.addAll(handle.createQuery("""
                            SELECT month_start, tool, minutes, craft_minutes, first_day FROM worker_month_tools
                            WHERE worker_id = :worker ORDER BY month_start, tool
                            """).bind("worker", worker.id()).mapToMap().map(row -> "month tool " + row).list());
            rows.addAll(handle.createQuery("""
                            SELECT month_start FROM worker_months WHERE worker_id = :worker ORDER BY month_start
                            """).bind("worker", worker.id()).mapToMap().map(row -> "month " + row).list());
            return rows;
        });
    }
}
