package org.craftline.rollup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.dropwizard.db.DataSourceFactory;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.craftline.step.Discretion;
import org.craftline.step.Mediation;
import org.craftline.step.Mode;
import org.craftline.step.Step;
import org.craftline.task.TaskDao;
import org.craftline.testing.TestDatabase;
import org.craftline.worker.CreateWorkerRequest;
import org.craftline.worker.WorkerDao;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * The migration that added the day rollups builds them for data logged before it, exactly as the
 * service now keeps them on write.
 */
class DayRollupMigrationTest {

    private static final int BEFORE_ROLLUPS = 4;
    private static final LocalDate MONDAY = LocalDate.parse("2023-03-13");
    private static final LocalDate TUESDAY = LocalDate.parse("2023-03-14");

    /** Logs a day as the schema before the rollups stood it: its tasks, their steps and the day's minutes. */
    @SafeVarargs
    private static void logDayBeforeRollups(Jdbi jdbi, long worker, LocalDate date, List<Step>... tasksOfDay) {
        TaskDao tasks = jdbi.onDemand(TaskDao.class);
        int minutes = 0;
        int craft = 0;
        for (List<Step> steps : tasksOfDay) {
            long id = tasks.insert(worker, date, "t", null, Instant.parse("2023-03-15T09:30:00Z"));
            tasks.insertSteps(id, worker, date, steps);
            minutes += steps.stream().mapToInt(Step::minutes).sum();
            craft += steps.stream().filter(Step::isCraft).mapToInt(Step::minutes).sum();
        }
        int dayMinutes = minutes;
        int dayCraft = craft;
        jdbi.useHandle(handle -> handle.execute(
                "INSERT INTO worker_days (worker_id, work_date, minutes, craft_minutes) VALUES (?, ?, ?, ?)",
                worker, date, dayMinutes, dayCraft));
    }

    private static Step step(String activity, int minutes, Mode mode, String tool, Discretion discretion,
                             Mediation mediation) {
        return new Step(activity, minutes, mode, tool, discretion, mediation, null);
    }

    @Test
    void migration_buildsTheRollupsOfEarlierDays() throws Exception {
        DataSourceFactory database = TestDatabase.fresh();
        TestDatabase.migrate(database, BEFORE_ROLLUPS);
        Jdbi jdbi = TestDatabase.jdbi(database);
        long sam = jdbi.onDemand(WorkerDao.class).insert(new CreateWorkerRequest("sam", "Sam", null, null, null),
                Instant.parse("2023-03-01T09:00:00Z"));
        logDayBeforeRollups(jdbi, sam, MONDAY, List.of(
                step("concept", 60, Mode.CRAFT, null, Discretion.SELF, null),
                step("sculpt", 180, Mode.CRAFT, "ZBrush", Discretion.SELF, Mediation.NONE)), List.of(
                step("sculpt", 30, Mode.CRAFT, "ZBrush", null, Mediation.ASSISTED),
                step("retopo", 90, Mode.EXECUTION, "Maya", Discretion.WITHIN_SPEC, null)));
        logDayBeforeRollups(jdbi, sam, TUESDAY, List.of(
                step("prompt", 15, Mode.EXECUTION, "Midjourney v5", Discretion.PRESCRIBED, Mediation.GENERATED),
                step("paintover", 20, Mode.EXECUTION, "Photoshop", Discretion.WITHIN_SPEC, Mediation.ASSISTED),
                step("prompt", 15, Mode.EXECUTION, "Midjourney v5", Discretion.PRESCRIBED, Mediation.GENERATED)));

        TestDatabase.migrate(database, null);

        WorkerDayDao days = jdbi.onDemand(WorkerDayDao.class);
        for (LocalDate day : List.of(MONDAY, TUESDAY)) {
            DayRollup expected = DayRollup.of(days.listStepsOfDay(sam, day));
            DayRollup built = jdbi.withHandle(handle -> handle.createQuery("""
                            SELECT minutes, craft_minutes, mediation_none_minutes, mediation_assisted_minutes,
                                   mediation_generated_minutes, discretion_self_minutes,
                                   discretion_within_spec_minutes, discretion_prescribed_minutes, step_count,
                                   repeated_minutes, activity_count, entropy
                            FROM worker_days WHERE worker_id = :worker AND work_date = :day
                            """).bind("worker", sam).bind("day", day)
                    .map((rs, ctx) -> new DayRollup(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4),
                            rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getInt(9), rs.getInt(10),
                            rs.getInt(11), rs.getDouble(12), tools(jdbi, sam, day)))
                    .one());

            assertThat(built).usingRecursiveComparison().ignoringFields("entropy").isEqualTo(expected);
            assertThat(built.entropy()).isCloseTo(expected.entropy(), within(1e-12));
        }
        assertThat(DayRollup.of(days.listStepsOfDay(sam, MONDAY)).repeatedMinutes()).isEqualTo(30);
        List<String> months = jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT month_start, version FROM worker_months WHERE worker_id = :worker")
                .bind("worker", sam)
                .map((rs, ctx) -> rs.getObject(1, LocalDate.class) + " v" + rs.getLong(2))
                .list());
        assertThat(months).as("the month of the earlier days has its first version")
                .containsExactly(MONDAY.withDayOfMonth(1) + " v1");
        List<String> monthTools = jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT tool, minutes, craft_minutes FROM worker_month_tools
                        WHERE worker_id = :worker ORDER BY tool
                        """)
                .bind("worker", sam)
                .map((rs, ctx) -> rs.getString(1) + " " + rs.getInt(2) + "/" + rs.getInt(3))
                .list());
        assertThat(monthTools).containsExactly("Maya 90/0", "Midjourney v5 30/0", "Photoshop 20/0", "ZBrush 210/210");
    }

    private static List<DayRollup.ToolMinutes> tools(Jdbi jdbi, long worker, LocalDate day) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT tool, minutes, craft_minutes FROM worker_day_tools
                        WHERE worker_id = :worker AND work_date = :day ORDER BY tool
                        """).bind("worker", worker).bind("day", day)
                .map((rs, ctx) -> new DayRollup.ToolMinutes(rs.getString(1), rs.getInt(2), rs.getInt(3)))
                .list());
    }
}
