package org.craftline.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.craftline.testing.Payloads.step;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.craftline.CraftlineConfiguration;
import org.craftline.testing.AtOnce;
import org.craftline.testing.Http;
import org.craftline.testing.Payloads;
import org.craftline.testing.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Requests that race for the same day must never overrun its 1,440 minutes: exactly as many
 * succeed as fit, the rest get 422, and no request fails with a 5xx.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class DayLimitRaceTest {

    static final DropwizardAppExtension<CraftlineConfiguration> APP = TestApp.extension();

    private static final int REQUESTS_PER_DAY = 12;
    private static final int MINUTES = 200;
    private static final List<String> DAYS = List.of("2023-03-13", "2023-03-14", "2023-03-15");

    @Test
    void racingCreates_fillEachDayToTheLimitAndNoFurther() throws Exception {
        Http http = TestApp.admin(APP);
        String worker = TestApp.uniqueHandle("race");
        TestApp.createWorker(http, worker);

        List<Integer> statuses = race(http, worker);

        Map<Integer, Long> counts = statuses.stream().collect(Collectors.groupingBy(s -> s, Collectors.counting()));
        int fitPerDay = 1440 / MINUTES;
        assertThat(counts).containsOnlyKeys(201, 422);
        assertThat(counts.get(201)).isEqualTo((long) fitPerDay * DAYS.size());
        var series = http.get("/api/reports/deskilling?worker=" + worker + "&from=2023-03-13&to=2023-03-15&bucket=week")
                .json().path("series");
        assertThat(series.get(0).path("totalMinutes").asInt()).isEqualTo(fitPerDay * MINUTES * DAYS.size());
        for (String day : DAYS) {
            var tasks = http.get("/api/tasks?worker=" + worker + "&from=" + day + "&to=" + day).json().path("items");
            assertThat(tasks).as(day).hasSize(fitPerDay);
        }
    }

    /**
     * Batches of the same days of several workers, half listing them in reverse, race too: each
     * batch is all or nothing, so exactly as many succeed as fit on every worker's days (on
     * PostgreSQL the days of such a batch are locked by one statement, {@code WorkerDayLedger}).
     */
    @Test
    void racingBatchesOfSeveralWorkers_fillEachWorkersDaysToTheLimitAndNoFurther() throws Exception {
        raceBatchesOfSeveralWorkers("racing", 0);
    }

    /**
     * The same with each worker's days in a year of their own: too far apart to lock by one range,
     * so each worker's days are named (on PostgreSQL every worker's in one statement).
     */
    @Test
    void racingBatchesOfWorkersYearsApart_fillEachWorkersDaysToTheLimitAndNoFurther() throws Exception {
        raceBatchesOfSeveralWorkers("apart", 1);
    }

    /** Three workers, the i-th one's {@link #DAYS} {@code yearsApart} x i years later. */
    private static void raceBatchesOfSeveralWorkers(String prefix, int yearsApart) throws Exception {
        Http http = TestApp.admin(APP);
        List<String> workers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            workers.add(TestApp.uniqueHandle(prefix));
            TestApp.createWorker(http, workers.get(i));
        }
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < REQUESTS_PER_DAY; i++) {
            List<Integer> order = new ArrayList<>(List.of(0, 1, 2));
            if (i % 2 == 1) {
                Collections.reverse(order);
            }
            List<Map<String, Object>> tasks = new ArrayList<>();
            for (int worker : order) {
                for (String day : DAYS) {
                    tasks.add(Payloads.task(workers.get(worker), yearsLater(day, yearsApart * worker),
                            step("prompt", MINUTES, "EXECUTION")));
                }
            }
            bodies.add(Http.json(Map.of("tasks", tasks)));
        }

        List<Integer> statuses = AtOnce.each(bodies, body -> http.post("/api/tasks/batch", body).status());

        Map<Integer, Long> counts = statuses.stream().collect(Collectors.groupingBy(s -> s, Collectors.counting()));
        int fitPerDay = 1440 / MINUTES;
        assertThat(counts).containsOnlyKeys(201, 422);
        assertThat(counts.get(201)).isEqualTo((long) fitPerDay);
        for (int worker = 0; worker < workers.size(); worker++) {
            // The three days fall in one week in each of these years.
            String from = yearsLater(DAYS.get(0), yearsApart * worker);
            String to = yearsLater(DAYS.get(DAYS.size() - 1), yearsApart * worker);
            var series = http.get("/api/reports/deskilling?worker=" + workers.get(worker)
                    + "&from=" + from + "&to=" + to + "&bucket=week").json().path("series");
            assertThat(series.get(0).path("totalMinutes").asInt()).as(workers.get(worker))
                    .isEqualTo(fitPerDay * MINUTES * DAYS.size());
        }
    }

    private static String yearsLater(String day, int years) {
        return LocalDate.parse(day).plusYears(years).toString();
    }

    private static List<Integer> race(Http http, String worker) throws Exception {
        List<String> bodies = new ArrayList<>();
        for (String day : DAYS) {
            String body = Http.json(Payloads.task(worker, day, step("prompt", MINUTES, "EXECUTION")));
            for (int i = 0; i < REQUESTS_PER_DAY; i++) {
                bodies.add(body);
            }
        }
        return AtOnce.each(bodies, body -> http.post("/api/tasks", body).status());
    }
}
