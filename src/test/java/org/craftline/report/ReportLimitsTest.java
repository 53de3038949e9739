package org.craftline.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.craftline.testing.ProblemAssert.assertProblem;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.craftline.CraftlineApplication;
import org.craftline.CraftlineConfiguration;
import org.craftline.access.Caller;
import org.craftline.access.Role;
import org.craftline.problem.ApiException;
import org.craftline.testing.Http;
import org.craftline.testing.Payloads;
import org.craftline.testing.TestApp;
import org.craftline.worker.WorkerDao;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Reports run under a bulkhead: over its limits a report is refused at once (429 for the token,
 * 503 for the service, with Retry-After), and other workers' writes and reads go on. The test holds
 * places in the running server's bulkhead the way long reports would.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ReportLimitsTest {

    static final DropwizardAppExtension<CraftlineConfiguration> APP = new DropwizardAppExtension<>(TestApp.support(
            TestApp.newDatabaseFile(), Map.of("reports.maxConcurrent", "2", "reports.maxPerToken", "1")));

    String sam;
    String ana;
    Http asSam;
    Http asAna;

    @BeforeEach
    void twoWorkers() {
        Http admin = TestApp.admin(APP);
        sam = TestApp.uniqueHandle("sam");
        ana = TestApp.uniqueHandle("ana");
        TestApp.createWorker(admin, sam);
        TestApp.createWorker(admin, ana);
        asSam = TestApp.signedIn(admin, sam, "WORKER");
        asAna = TestApp.signedIn(admin, ana, "WORKER");
    }

    private static ReportBulkhead bulkhead() {
        return ((CraftlineApplication) APP.getApplication()).reportBulkhead();
    }

    /** A report of the person {@code http} signs in as, as if it were running now: the caller as the server makes it. */
    private static ReportBulkhead.Permit runningReportOf(Http http) {
        var me = http.get("/api/me").json();
        long workerId = TestApp.jdbi(APP.getConfiguration()).onDemand(WorkerDao.class)
                .findByHandle(me.path("handle").asText()).orElseThrow().id();
        return bulkhead().enter(new Caller(me.path("tokenId").asLong(), workerId, me.path("handle").asText(), Role.WORKER));
    }

    private static String report(String worker) {
        return "/api/reports/deskilling?worker=" + worker + "&from=2023-01-02&to=2023-06-30";
    }

    private static void assertRefused(Http.Reply reply, int status) {
        assertProblem(reply, status);
        assertThat(reply.header("Retry-After")).isEqualTo("1");
    }

    @Test
    @SuppressWarnings("try") // the permits only hold places while the requests run
    void aTokenWithItsShareRunning_gets429_whileAnotherGetsItsReport() {
        try (ReportBulkhead.Permit running = runningReportOf(asSam)) {
            assertRefused(asSam.get(report(sam)), 429);
            assertThat(asAna.get(report(ana)).status()).isEqualTo(200);
        }
        assertThat(asSam.get(report(sam)).status()).isEqualTo(200);
    }

    @Test
    @SuppressWarnings("try") // the permits only hold places while the requests run
    void theServiceAtItsLimit_gives503_whileWritesAndListsGoOn() {
        try (ReportBulkhead.Permit first = bulkhead().enter(new Caller(-1, null, null, Role.ADMIN));
             ReportBulkhead.Permit second = bulkhead().enter(new Caller(-2, null, null, Role.ADMIN))) {
            assertRefused(asAna.get(report(ana)), 503);
            assertThat(asSam.post("/api/tasks", Http.json(Payloads.task(sam, "2023-03-01"))).status()).isEqualTo(201);
            assertThat(asSam.get("/api/tasks").status()).isEqualTo(200);
        }
        assertThat(asAna.get(report(ana)).status()).isEqualTo(200);
    }

    @Test
    void manyReportsAtOnce_areAnsweredOrRefused_andAnotherWorkersWritesAllSucceed() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(24);
        try {
            List<Future<Integer>> reports = new ArrayList<>();
            List<Future<Integer>> writes = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                reports.add(pool.submit(status(() -> asAna.get(report(ana)))));
                String day = LocalDate.parse("2023-04-01").plusDays(i).toString();
                writes.add(pool.submit(status(() -> asSam.post("/api/tasks", Http.json(Payloads.task(sam, day))))));
            }

            List<Integer> reportStatuses = statuses(reports);
            assertThat(reportStatuses).allMatch(s -> s == 200 || s == 429 || s == 503).contains(200);
            assertThat(statuses(writes)).containsOnly(201);
        } finally {
            pool.shutdownNow();
        }
        assertThat(bulkhead().running()).as("every place is given back").isZero();
    }

    private static Callable<Integer> status(Callable<Http.Reply> request) {
        return () -> request.call().status();
    }

    private static List<Integer> statuses(List<Future<Integer>> futures) throws Exception {
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> future : futures) {
            statuses.add(future.get());
        }
        return statuses;
    }

    /** A person's share is theirs whichever token they use: a second token buys no second report. */
    @Test
    @SuppressWarnings("try") // the permit only holds its place while the second asks
    void aWorkersSecondToken_findsTheirShareTaken() {
        Caller first = new Caller(1_000_001L, 77L, "sam", Role.WORKER);
        Caller second = new Caller(1_000_002L, 77L, "sam", Role.WORKER);
        try (ReportBulkhead.Permit running = bulkhead().enter(first)) {
            assertThatThrownBy(() -> bulkhead().enter(second)).isInstanceOfSatisfying(ApiException.class,
                    e -> assertThat(e.status()).isEqualTo(429));
        }
        try (ReportBulkhead.Permit again = bulkhead().enter(second)) {
            assertThat(again).as("the share is free again once the first finished").isNotNull();
        }
    }
}
