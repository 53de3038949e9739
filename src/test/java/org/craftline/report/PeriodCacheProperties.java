package org.craftline.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.craftline.TestDatabase;
import org.craftline.common.Clocks;
import org.craftline.event.EventDao;
import org.craftline.task.Mode;
import org.craftline.task.Step;
import org.craftline.task.TaskRequest;
import org.craftline.task.TaskService;
import org.craftline.task.TaskWrites.Kind;
import org.craftline.task.TaskWrites;
import org.craftline.worker.Worker;
import org.jdbi.v3.core.Jdbi;

/**
 * Reports answered from the period cache equal reports computed from scratch, after any sequence
 * of creates, replaces (moving tasks across weeks and months) and deletes by any worker of a team:
 * one service keeps its cache across every write and try, the other keeps nothing. Runs on H2 and,
 * in the PostgreSQL execution, on PostgreSQL.
 */
class PeriodCacheProperties {

    private static final List<LocalDate> DAYS = List.of(LocalDate.parse("2023-03-13"),
            LocalDate.parse("2023-03-31"), LocalDate.parse("2023-04-03"), LocalDate.parse("2023-04-28"));
    private static final ReportService.Range WEEKS =
            new ReportService.Range(LocalDate.parse("2023-03-01"), LocalDate.parse("2023-04-30"), Bucket.WEEK, 2);
    private static final ReportService.Range MONTHS =
            new ReportService.Range(LocalDate.parse("2023-03-01"), LocalDate.parse("2023-04-30"), Bucket.MONTH, 1);

    private static Jdbi jdbi;
    private static TaskService tasks;
    private static ReportService cached;
    private static ReportService fresh;

    @BeforeContainer
    static void database() {
        jdbi = TestDatabase.migrated();
        tasks = new TaskService(jdbi, Clocks.system());
        // A group of one, so that every period shows and a stale one cannot hide behind suppression.
        cached = new ReportService(jdbi.onDemand(ReportDao.class), jdbi.onDemand(EventDao.class), 1, 10_000);
        fresh = new ReportService(jdbi.onDemand(ReportDao.class), jdbi.onDemand(EventDao.class), 1, 0);
    }

    record Operation(Kind kind, int worker, int target, LocalDate date, int craftMinutes, int executionMinutes) {
    }

    @Provide
    Arbitrary<List<Operation>> writes() {
        return Combinators.combine(
                Arbitraries.of(Kind.class),
                Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(0, 50),
                Arbitraries.of(DAYS),
                Arbitraries.integers().between(1, 400),
                Arbitraries.integers().between(1, 400))
                .as(Operation::new)
                .list().ofMinSize(1).ofMaxSize(10);
    }

    @Property(tries = 25)
    void cachedReports_equalReportsComputedFromScratch(@ForAll("writes") List<Operation> writes) {
        String team = "t" + UUID.randomUUID().toString().substring(0, 8);
        List<Worker> workers = List.of(TaskWrites.newWorker(jdbi, team), TaskWrites.newWorker(jdbi, team),
                TaskWrites.newWorker(jdbi, team));
        List<Long> alive = new ArrayList<>();
        assertSame(team, workers);
        for (Operation write : writes) {
            Worker worker = workers.get(write.worker());
            TaskRequest request = new TaskRequest(null, write.date(), "t", null,
                    List.of(new Step("sculpt", write.craftMinutes(), Mode.CRAFT, "ZBrush", null, null, null),
                            new Step("prompt", write.executionMinutes(), Mode.EXECUTION, "Midjourney v5", null, null,
                                    null)));
            TaskWrites.apply(tasks, write.kind(), write.target(), worker, request, alive);
            assertSame(team, workers);
        }
    }

    private static void assertSame(String team, List<Worker> workers) {
        for (ReportService.Range range : List.of(WEEKS, MONTHS)) {
            assertThat(cached.forTeam(team, range)).isEqualTo(fresh.forTeam(team, range));
            for (Worker worker : workers) {
                assertThat(cached.forWorker(worker, range)).isEqualTo(fresh.forWorker(worker, range));
            }
        }
    }
}
