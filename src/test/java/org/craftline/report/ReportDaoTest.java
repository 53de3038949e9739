package org.craftline.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.craftline.testing.TestDatabase;
import org.craftline.step.Discretion;
import org.craftline.step.Mediation;
import org.craftline.step.Mode;
import org.craftline.step.Step;
import org.craftline.task.TaskRequest;
import org.craftline.task.TaskService;
import org.craftline.values.Clocks;
import org.craftline.worker.CreateWorkerRequest;
import org.craftline.worker.Worker;
import org.craftline.worker.WorkerDao;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The report's SQL on the real database (H2, or PostgreSQL on that run), against known answers. */
class ReportDaoTest {

    private static final Instant NOW = Instant.parse("2023-03-15T09:30:00Z");
    private static final List<Period> TWO_WEEKS =
            Period.covering(Bucket.WEEK, LocalDate.parse("2023-03-06"), LocalDate.parse("2023-03-19"));

    Jdbi jdbi;
    WorkerDao workers;
    ReportDao reports;

    @BeforeEach
    void database() {
        jdbi = TestDatabase.migrated();
        workers = jdbi.onDemand(WorkerDao.class);
        reports = jdbi.onDemand(ReportDao.class);
    }

    private Worker worker(String handle, String team) {
        workers.insert(new CreateWorkerRequest(handle, handle, null, null, team), NOW);
        return workers.findByHandle(handle).orElseThrow();
    }

    /** Logs a task the way the API does, so the worker-day rollups the report reads are kept. */
    private void log(Worker worker, String date, List<Step> steps) {
        new TaskService(jdbi, Clocks.system())
                .create(worker, new TaskRequest(null, LocalDate.parse(date), "t", null, steps));
    }

    private static Step step(String activity, int minutes, Mode mode) {
        return new Step(activity, minutes, mode, null, null, null, null);
    }

    /** The design's known-answer "pre" day: concept C60, sculpt C180, retopo E90, uv E90. */
    private static List<Step> preDay() {
        return List.of(step("concept", 60, Mode.CRAFT), step("sculpt", 180, Mode.CRAFT),
                step("retopo", 90, Mode.EXECUTION), step("uv", 90, Mode.EXECUTION));
    }

    /** The design's known-answer "post" day: brief C20, 8 x (prompt E15, paintover E20), curate C30. */
    private static List<Step> postDay() {
        List<Step> steps = new java.util.ArrayList<>(List.of(step("brief", 20, Mode.CRAFT)));
        for (int i = 0; i < 8; i++) {
            steps.add(new Step("prompt", 15, Mode.EXECUTION, "Midjourney v5", Discretion.PRESCRIBED,
                    Mediation.GENERATED, null));
            steps.add(step("paintover", 20, Mode.EXECUTION));
        }
        steps.add(step("curate", 30, Mode.CRAFT));
        return steps;
    }

    @Test
    void fragmentation_matchesTheKnownDays() {
        Worker sam = worker("sam", null);
        log(sam, "2023-03-07", preDay());
        log(sam, "2023-03-14", postDay());

        List<PeriodTotals> totals = reports.periodTotals(sam.id(), TWO_WEEKS);

        assertThat(totals).hasSize(2);
        PeriodTotals pre = totals.get(0);
        assertThat(pre.minutes()).isEqualTo(420);
        assertThat((double) pre.craftMinutes() / pre.minutes()).isCloseTo(0.5714, within(1e-4));
        assertThat(pre.meanStepMinutes()).isCloseTo(105, within(1e-9));
        assertThat(pre.repertoire()).isCloseTo(0.9387, within(1e-4));
        assertThat(pre.repetitionShare()).isCloseTo(0, within(1e-12));
        PeriodTotals post = totals.get(1);
        assertThat(post.minutes()).isEqualTo(330);
        assertThat((double) post.craftMinutes() / post.minutes()).isCloseTo(0.1515, within(1e-4));
        assertThat(post.meanStepMinutes()).isCloseTo(18.333, within(1e-3));
        assertThat(post.repertoire()).isCloseTo(0.7983, within(1e-4));
        assertThat(post.repetitionShare()).isCloseTo(0.7424, within(1e-4));
        assertThat(post.generatedMinutes()).isEqualTo(120);
        assertThat(post.prescribedMinutes()).isEqualTo(120);
    }

    @Test
    void repetition_countsAcrossTasksOfOneDayInTaskOrder() {
        Worker sam = worker("sam", null);
        log(sam, "2023-03-07", List.of(step("sculpt", 60, Mode.CRAFT)));
        log(sam, "2023-03-07", List.of(step("sculpt", 30, Mode.CRAFT), step("uv", 10, Mode.EXECUTION)));

        PeriodTotals week = reports.periodTotals(sam.id(), TWO_WEEKS).get(0);

        assertThat(week.repetitionShare()).isCloseTo(30.0 / 100, within(1e-12));
    }

    @Test
    void fragmentation_isTheMedianOfDailyValues() {
        Worker sam = worker("sam", null);
        log(sam, "2023-03-06", List.of(step("a", 10, Mode.CRAFT)));                                  // 10 min/step
        log(sam, "2023-03-07", List.of(step("a", 20, Mode.CRAFT), step("b", 20, Mode.CRAFT)));       // 20
        log(sam, "2023-03-08", List.of(step("a", 300, Mode.CRAFT)));                                 // 300

        PeriodTotals week = reports.periodTotals(sam.id(), TWO_WEEKS).get(0);

        assertThat(week.meanStepMinutes()).isEqualTo(20.0);
        assertThat(week.repertoire()).isEqualTo(0.0);   // median of 0, 1, 0
        assertThat(week.workers()).isEqualTo(1);
    }

    @Test
    void fragmentation_ofAnEvenNumberOfDays_isTheMeanOfTheMiddleTwo() {
        Worker sam = worker("sam", null);
        log(sam, "2023-03-06", List.of(step("a", 10, Mode.CRAFT)));
        log(sam, "2023-03-07", List.of(step("a", 30, Mode.CRAFT), step("b", 30, Mode.CRAFT)));

        PeriodTotals week = reports.periodTotals(sam.id(), TWO_WEEKS).get(0);

        assertThat(week.meanStepMinutes()).isEqualTo(20.0);
        assertThat(week.repertoire()).isEqualTo(0.5);
        assertThat(week.repetitionShare()).isEqualTo(0.0);
    }

    /** Values for which H2's PERCENTILE_CONT failed to interpolate; the median is computed without it. */
    @Test
    void fragmentation_medianOfTwoDays_averagesThem() {
        Worker sam = worker("sam", null);
        log(sam, "2023-03-06", List.of(step("sculpt", 300, Mode.CRAFT), step("prompt", 100, Mode.EXECUTION)));
        log(sam, "2023-03-12", List.of(step("sculpt", 100, Mode.CRAFT), step("prompt", 100, Mode.EXECUTION)));

        PeriodTotals week = reports.periodTotals(sam.id(), TWO_WEEKS).get(0);

        double unevenDay = -(0.75 * Math.log(0.75) + 0.25 * Math.log(0.25)) / Math.log(2);
        assertThat(week.meanStepMinutes()).isCloseTo(150, within(1e-9));
        assertThat(week.repertoire()).isCloseTo((unevenDay + 1) / 2, within(1e-9));
        assertThat(week.repetitionShare()).isCloseTo(0, within(1e-12));
    }

    @Test
    void teamDays_countEachDayForTheTeamItsWorkerWasIn() {
        Worker ana = worker("ana", "env");
        Worker ben = worker("ben", "env");
        Worker out = worker("out", "other");
        Worker late = worker("late", "other");
        log(ana, "2023-03-07", List.of(step("sculpt", 100, Mode.CRAFT)));
        log(ben, "2023-03-07", List.of(step("prompt", 50, Mode.EXECUTION)));
        log(ben, "2023-03-08", List.of(step("prompt", 70, Mode.EXECUTION)));
        log(out, "2023-03-08", List.of(step("prompt", 999, Mode.EXECUTION)));
        log(late, "2023-03-07", List.of(step("uv", 7, Mode.EXECUTION)));
        // Ben leaves env on the 8th; Late joins it on the 8th, and goes again, all on one day.
        workers.moveToTeam(ben.id(), "other", LocalDate.parse("2023-03-08"));
        workers.moveToTeam(late.id(), "env", LocalDate.parse("2023-03-08"));
        workers.moveToTeam(late.id(), "other", LocalDate.parse("2023-03-08"));
        log(late, "2023-03-08", List.of(step("uv", 9, Mode.EXECUTION)));

        List<String> days = new java.util.ArrayList<>();
        jdbi.useHandle(handle -> handle.attach(TeamCellDao.class).scanMemberDays("env",
                LocalDate.parse("2023-03-06"), LocalDate.parse("2023-03-12"),
                day -> days.add(day.workerId() + "@" + day.workDate() + ":" + day.minutes())));

        assertThat(days).containsExactlyInAnyOrder(ana.id() + "@2023-03-07:100", ben.id() + "@2023-03-07:50");
        assertThat(workers.findByHandle("ben").orElseThrow().team()).isEqualTo("other");
    }

    @Test
    void tools_sumTheRangeAndKnowTheirFirstUseEver() {
        Worker sam = worker("sam", null);
        log(sam, "2023-01-02", List.of(new Step("sculpt", 30, Mode.CRAFT, "ZBrush", null, null, null)));
        log(sam, "2023-03-07", List.of(new Step("sculpt", 100, Mode.CRAFT, "ZBrush", null, null, null),
                new Step("prompt", 40, Mode.EXECUTION, "Midjourney v5", null, null, null),
                step("uv", 10, Mode.EXECUTION)));

        List<ToolUse> tools = reports.tools(sam.id(), LocalDate.parse("2023-03-06"), LocalDate.parse("2023-03-19"));

        assertThat(tools).containsExactly(
                new ToolUse("ZBrush", 100, 100, 0, LocalDate.parse("2023-01-02")),
                new ToolUse("Midjourney v5", 40, 0, 40, LocalDate.parse("2023-03-07")));
    }
}
