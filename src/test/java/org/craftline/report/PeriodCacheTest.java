package org.craftline.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.craftline.TestDatabase;
import org.craftline.common.Clocks;
import org.craftline.task.Mode;
import org.craftline.task.Step;
import org.craftline.task.TaskRequest;
import org.craftline.task.TaskService;
import org.craftline.worker.CreateWorkerRequest;
import org.craftline.worker.Worker;
import org.craftline.worker.WorkerDao;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The period cache reads again exactly the periods whose months a write touched: a repeated
 * report adds up nothing, a write in April adds up April's weeks only. {@link PeriodCacheProperties}
 * shows the answers stay right; this shows the cache is used at all.
 */
class PeriodCacheTest {

    private static final List<Period> WEEKS =
            Period.covering(Bucket.WEEK, LocalDate.parse("2023-03-01"), LocalDate.parse("2023-04-30"));

    Jdbi jdbi;
    TaskService tasks;
    Worker worker;
    /** The periods each {@code periodTotals} call was asked to add up. */
    List<List<Period>> addedUp = new ArrayList<>();
    ReportDao counting;

    @BeforeEach
    void database() {
        jdbi = TestDatabase.migrated();
        tasks = new TaskService(jdbi, Clocks.system());
        WorkerDao workers = jdbi.onDemand(WorkerDao.class);
        workers.insert(new CreateWorkerRequest("cached", "cached", null, null, "team"), Clocks.system().instant());
        worker = workers.findByHandle("cached").orElseThrow();
        ReportDao real = jdbi.onDemand(ReportDao.class);
        counting = (ReportDao) Proxy.newProxyInstance(ReportDao.class.getClassLoader(),
                new Class<?>[] {ReportDao.class}, (proxy, method, args) -> {
                    if (method.getName().equals("periodTotals")) {
                        @SuppressWarnings("unchecked")
                        List<Period> periods = (List<Period>) args[1];
                        addedUp.add(periods);
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private void log(String date, int craftMinutes) {
        tasks.create(worker, new TaskRequest(null, LocalDate.parse(date), "t", null,
                List.of(new Step("sculpt", craftMinutes, Mode.CRAFT, null, null, null, null))));
    }

    @Test
    void aRepeatedReport_addsUpNothing_andAWriteReadsOnlyTheMonthItTouched() {
        log("2023-03-14", 120);
        log("2023-04-12", 60);
        PeriodCache cache = new PeriodCache(1_000);
        Scope scope = Scope.worker(worker.id());

        List<PeriodTotals> first = cache.totals(counting, scope, WEEKS);
        assertThat(addedUp).containsExactly(WEEKS);

        addedUp.clear();
        assertThat(cache.totals(counting, scope, WEEKS)).isEqualTo(first);
        assertThat(addedUp).isEmpty();

        log("2023-04-13", 30);
        List<PeriodTotals> after = cache.totals(counting, scope, WEEKS);
        // April 2023 overlaps the weeks starting 27 March to 24 April: one run, one scan.
        assertThat(addedUp).containsExactly(WEEKS.subList(4, 9));
        assertThat(after).filteredOn(t -> t.periodStart().equals(LocalDate.parse("2023-04-10")))
                .singleElement().extracting(PeriodTotals::minutes).isEqualTo(90L);
        assertThat(after).isEqualTo(new PeriodCache(0).totals(counting, scope, WEEKS));
    }

    @Test
    void aTeamReport_seesANewMembersFirstWrite() {
        PeriodCache cache = new PeriodCache(1_000);
        Scope team = Scope.team("team");
        log("2023-03-14", 120);
        assertThat(cache.totals(counting, team, WEEKS)).extracting(PeriodTotals::workers).containsExactly(1);

        WorkerDao workers = jdbi.onDemand(WorkerDao.class);
        workers.insert(new CreateWorkerRequest("joiner", "joiner", null, null, "team"), Clocks.system().instant());
        tasks.create(workers.findByHandle("joiner").orElseThrow(), new TaskRequest(null, LocalDate.parse("2023-03-15"),
                "t", null, List.of(new Step("sculpt", 60, Mode.CRAFT, null, null, null, null))));

        assertThat(cache.totals(counting, team, WEEKS)).extracting(PeriodTotals::workers).containsExactly(2);
    }

    @Test
    void monthsWithoutVersions_haveFingerprintZero_andEveryVersionChangesIt() {
        MonthVersions versions = new MonthVersions();
        LocalDate march = LocalDate.parse("2023-03-01");
        assertThat(versions.fingerprint(march, LocalDate.parse("2023-03-31"))).isZero();
        versions.add(7, march, 1);
        long one = versions.fingerprint(march, LocalDate.parse("2023-03-31"));
        MonthVersions raised = new MonthVersions();
        raised.add(7, march, 2);
        MonthVersions otherWorker = new MonthVersions();
        otherWorker.add(8, march, 1);
        assertThat(one).isNotZero()
                .isNotEqualTo(raised.fingerprint(march, LocalDate.parse("2023-03-31")))
                .isNotEqualTo(otherWorker.fingerprint(march, LocalDate.parse("2023-03-31")));
        assertThat(versions.fingerprint(LocalDate.parse("2023-04-01"), LocalDate.parse("2023-04-30"))).isZero();
    }
}
