package org.craftline.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.craftline.step.Discretion;
import org.craftline.step.Mediation;
import org.craftline.step.Mode;
import org.craftline.step.Step;
import org.craftline.task.TaskWrites.Kind;
import org.craftline.testing.TestDatabase;
import org.craftline.values.Clocks;
import org.craftline.worker.Worker;
import org.jdbi.v3.core.Jdbi;

/**
 * The worker-day rollups, kept on every write, always equal what the raw steps say. Random
 * sequences of creates, replaces (moving tasks between days too) and deletes go through the
 * service, refused writes (a day over 1,440 minutes) included; then each day's rollup, and each
 * month's tool minutes, are compared with a recomputation from the steps in SQL, written independently of the Java that keeps them.
 * Runs on H2 and, in the PostgreSQL execution, on PostgreSQL.
 */
class WorkerDayRollupProperties {

    private static final List<LocalDate> DAYS = List.of(
            LocalDate.parse("2023-03-13"), LocalDate.parse("2023-03-14"), LocalDate.parse("2023-03-20"),
            LocalDate.parse("2023-04-03"));

    private static Jdbi jdbi;
    private static TaskService tasks;

    @BeforeContainer
    static void database() {
        jdbi = TestDatabase.migrated();
        tasks = new TaskService(jdbi, Clocks.system());
    }

    /** One write: which kind, which earlier task it aims at (modulo those alive), and its content. */
    record Operation(Kind kind, int target, LocalDate date, List<Step> steps) {
    }

    @Provide
    Arbitrary<List<Operation>> writes() {
        Arbitrary<Step> step = Combinators.combine(
                Arbitraries.of("sculpt", "prompt", "paintover", "uv"),
                Arbitraries.integers().between(1, 300),
                Arbitraries.of(Mode.class),
                Arbitraries.of("ZBrush", "Midjourney v5", "Maya").injectNull(0.3),
                Arbitraries.of(Discretion.class).injectNull(0.3),
                Arbitraries.of(Mediation.class).injectNull(0.3))
                .as((activity, minutes, mode, tool, discretion, mediation) ->
                        new Step(activity, minutes, mode, tool, discretion, mediation, null));
        return Combinators.combine(
                Arbitraries.of(Kind.class),
                Arbitraries.integers().between(0, 50),
                Arbitraries.of(DAYS),
                step.list().ofMinSize(1).ofMaxSize(6))
                .as(Operation::new)
                .list().ofMinSize(1).ofMaxSize(12);
    }

    @Property(tries = 40)
    void rollups_equalARecomputationFromTheSteps(@ForAll("writes") List<Operation> writes) {
        Worker worker = TaskWrites.newWorker(jdbi, null);
        List<Long> alive = new ArrayList<>();
        for (Operation write : writes) {
            TaskRequest request = new TaskRequest(null, write.date(), "t", null, write.steps());
            TaskWrites.apply(tasks, write.kind(), write.target(), worker, request, alive);
        }

        List<Map<String, Object>> kept = jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT work_date, minutes, craft_minutes, mediation_none_minutes, mediation_assisted_minutes,
                               mediation_generated_minutes, discretion_self_minutes, discretion_within_spec_minutes,
                               discretion_prescribed_minutes, step_count, repeated_minutes, activity_count, entropy
                        FROM worker_days
                        WHERE worker_id = :workerId AND step_count > 0
                        ORDER BY work_date
                        """).bind("workerId", worker.id()).mapToMap().list());
        List<Map<String, Object>> recomputed = jdbi.withHandle(handle -> handle.createQuery(RECOMPUTED_DAYS)
                .bind("workerId", worker.id()).mapToMap().list());
        assertThat(kept).hasSameSizeAs(recomputed);
        for (int i = 0; i < kept.size(); i++) {
            Map<String, Object> day = kept.get(i);
            Map<String, Object> expected = recomputed.get(i);
            for (String column : expected.keySet()) {
                if (column.equals("entropy")) {
                    assertThat(((Number) day.get(column)).doubleValue())
                            .isCloseTo(((Number) expected.get(column)).doubleValue(), within(1e-9));
                } else {
                    assertThat(String.valueOf(day.get(column))).as("%s on %s", column, day.get("work_date"))
                            .isEqualTo(String.valueOf(expected.get(column)));
                }
            }
        }
        int emptyDaysHoldingSomething = jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT COUNT(*) FROM worker_days
                        WHERE worker_id = :workerId AND step_count = 0
                          AND (minutes <> 0 OR craft_minutes <> 0 OR repeated_minutes <> 0 OR activity_count <> 0)
                        """).bind("workerId", worker.id()).mapTo(Integer.class).one());
        assertThat(emptyDaysHoldingSomething).as("a day with no steps left holds nothing").isZero();
        int writtenDaysWithoutMonthVersion = jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT COUNT(*) FROM worker_days d
                        WHERE d.worker_id = :workerId
                          AND NOT EXISTS (SELECT 1 FROM worker_months m
                                          WHERE m.worker_id = d.worker_id
                                            AND m.month_start = CAST(DATE_TRUNC('MONTH', d.work_date) AS DATE))
                        """).bind("workerId", worker.id()).mapTo(Integer.class).one());
        assertThat(writtenDaysWithoutMonthVersion).as("every written month has a version for the report cache")
                .isZero();
        assertThat(tools("""
                SELECT work_date, tool, minutes, craft_minutes FROM worker_day_tools
                WHERE worker_id = :workerId ORDER BY work_date, tool
                """, worker)).isEqualTo(tools("""
                SELECT work_date, tool, SUM(minutes) AS minutes,
                       SUM(CASE WHEN mode = 'CRAFT' THEN minutes ELSE 0 END) AS craft_minutes
                FROM steps
                WHERE worker_id = :workerId AND tool IS NOT NULL
                GROUP BY work_date, tool
                ORDER BY work_date, tool
                """, worker));
        assertThat(monthTools("""
                SELECT month_start, tool, minutes, craft_minutes, first_day FROM worker_month_tools
                WHERE worker_id = :workerId ORDER BY month_start, tool
                """, worker)).as("month tools").isEqualTo(monthTools(RECOMPUTED_MONTH_TOOLS, worker));
    }

    /** Each month's tool minutes straight from its steps. */
    private static final String RECOMPUTED_MONTH_TOOLS = """
            SELECT CAST(DATE_TRUNC('MONTH', work_date) AS DATE) AS month_start, tool, SUM(minutes) AS minutes,
                   SUM(CASE WHEN mode = 'CRAFT' THEN minutes ELSE 0 END) AS craft_minutes,
                   MIN(work_date) AS first_day
            FROM steps
            WHERE worker_id = :workerId AND tool IS NOT NULL
            GROUP BY CAST(DATE_TRUNC('MONTH', work_date) AS DATE), tool
            ORDER BY month_start, tool
            """;

    /** Each day's figures straight from its steps, in logged order (task, then position). */
    private static final String RECOMPUTED_DAYS = """
            SELECT work_date,
                   SUM(minutes) AS minutes,
                   SUM(CASE WHEN mode = 'CRAFT' THEN minutes ELSE 0 END) AS craft_minutes,
                   SUM(CASE WHEN mediation = 'NONE' THEN minutes ELSE 0 END) AS mediation_none_minutes,
                   SUM(CASE WHEN mediation = 'ASSISTED' THEN minutes ELSE 0 END) AS mediation_assisted_minutes,
                   SUM(CASE WHEN mediation = 'GENERATED' THEN minutes ELSE 0 END) AS mediation_generated_minutes,
                   SUM(CASE WHEN discretion = 'SELF' THEN minutes ELSE 0 END) AS discretion_self_minutes,
                   SUM(CASE WHEN discretion = 'WITHIN_SPEC' THEN minutes ELSE 0 END) AS discretion_within_spec_minutes,
                   SUM(CASE WHEN discretion = 'PRESCRIBED' THEN minutes ELSE 0 END) AS discretion_prescribed_minutes,
                   COUNT(*) AS step_count,
                   SUM(CASE WHEN occurrence > 1 THEN minutes ELSE 0 END) AS repeated_minutes,
                   SUM(CASE WHEN occurrence = 1 THEN 1 ELSE 0 END) AS activity_count,
                   SUM(CASE WHEN occurrence = 1
                            THEN -(CAST(activity_minutes AS DOUBLE PRECISION) / day_minutes)
                                 * LN(CAST(activity_minutes AS DOUBLE PRECISION) / day_minutes)
                            ELSE 0 END) AS entropy
            FROM (
                SELECT s.work_date, s.minutes, s.mode, s.mediation, s.discretion,
                       ROW_NUMBER() OVER (PARTITION BY s.work_date, s.activity ORDER BY s.task_id, s.step_no)
                           AS occurrence,
                       SUM(s.minutes) OVER (PARTITION BY s.work_date, s.activity) AS activity_minutes,
                       SUM(s.minutes) OVER (PARTITION BY s.work_date) AS day_minutes
                FROM steps s
                WHERE s.worker_id = :workerId
            ) ordered
            GROUP BY work_date
            ORDER BY work_date
            """;

    private static List<String> tools(String sql, Worker worker) {
        return jdbi.withHandle(handle -> handle.createQuery(sql).bind("workerId", worker.id())
                .map((rs, ctx) -> rs.getObject("work_date", LocalDate.class) + " " + rs.getString("tool") + " "
                        + rs.getInt("minutes") + " " + rs.getInt("craft_minutes"))
                .list());
    }

    private static List<String> monthTools(String sql, Worker worker) {
        return jdbi.withHandle(handle -> handle.createQuery(sql).bind("workerId", worker.id())
                .map((rs, ctx) -> rs.getObject("month_start", LocalDate.class) + " " + rs.getString("tool") + " "
                        + rs.getInt("minutes") + " " + rs.getInt("craft_minutes") + " from "
                        + rs.getObject("first_day", LocalDate.class))
                .list());
    }
}
