package org.craftline.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.craftline.testing.ProblemAssert.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.craftline.event.EventService;
import org.craftline.testing.Http;
import org.craftline.testing.Payloads;
import org.craftline.testing.SharedApp;
import org.craftline.testing.SharedApp.Admin;
import org.craftline.testing.SharedApp.FreshWorker;
import org.craftline.testing.TestApp;
import org.craftline.worker.WorkerDao;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What one person's data can make a report cost is bounded: a worker holds at most
 * {@link EventService#MAX_PER_WORKER} events, and a report shows at most
 * {@link ReportService#MAX_MARKERS} markers and {@link ReportService#MAX_TOOLS} tools, saying what
 * it left out. A worker at every limit gets a report whose JSON and chart stay small.
 */
class ReportCostTest {

    @RegisterExtension
    static final SharedApp API = SharedApp.withWorkersNamed("cost");

    private static final LocalDate JAN_1 = LocalDate.parse("2023-01-01");

    @Admin
    Http admin;
    @FreshWorker
    String worker;
    @FreshWorker
    Http asWorker;

    /** All but the last allowed event, written straight to the database: 499 requests would only cost time. */
    private void eventsUpToOneBelowTheCap() {
        Jdbi database = TestApp.jdbi(SharedApp.app().getConfiguration());
        long id = database.onDemand(WorkerDao.class).findByHandle(worker).orElseThrow().id();
        database.useHandle(handle -> {
            var batch = handle.prepareBatch(
                    "INSERT INTO events (worker_id, event_date, label, tool, created_at) VALUES (?, ?, ?, ?, ?)");
            for (int i = 0; i < EventService.MAX_PER_WORKER - 1; i++) {
                batch.add(id, JAN_1.plusDays(i % 365), "event " + i + " " + "x".repeat(150), "tool " + i, Instant.now());
            }
            batch.execute();
        });
    }

    /** 120 tasks on 120 days, each with a tool of its own. */
    private void tasksWithManyTools() {
        List<Map<String, Object>> tasks = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            Map<String, Object> task = Payloads.task(worker, JAN_1.plusDays(i * 3L).toString());
            Payloads.steps(task).forEach(step -> step.put("tool", "tool " + tasks.size()));
            tasks.add(task);
        }
        assertThat(asWorker.post("/api/tasks/batch", Http.json(Map.of("tasks", tasks))).status()).isEqualTo(201);
    }

    @Test
    void eventsBeyondTheCap_areRefusedWith409_untilOneIsDeleted() {
        eventsUpToOneBelowTheCap();
        String event = Http.json(Payloads.event(worker, "2023-06-01", "the last place"));

        Http.Reply last = asWorker.post("/api/events", event);
        assertThat(last.status()).isEqualTo(201);
        JsonNode refused = assertProblem(asWorker.post("/api/events", event), 409);

        assertThat(refused.path("type").asText()).isEqualTo("urn:craftline:problem:limit-reached");
        assertThat(refused.path("detail").asText()).contains(String.valueOf(EventService.MAX_PER_WORKER));
        assertThat(asWorker.get("/api/events").json().path("items").size()).isEqualTo(EventService.MAX_PER_WORKER);
        assertThat(asWorker.delete("/api/events/" + last.json().path("id").asLong()).status()).isEqualTo(204);
        assertThat(asWorker.post("/api/events", event).status()).isEqualTo(201);
    }

    @Test
    void aWorkerAtEveryLimit_getsABoundedReport_thatSaysWhatItLeftOut() {
        eventsUpToOneBelowTheCap();
        tasksWithManyTools();
        String report = "/api/reports/deskilling?worker=" + worker + "&from=2023-01-01&to=2023-12-31";

        Http.Reply json = asWorker.get(report);
        Http.Reply svg = asWorker.get(report + "&format=svg");

        assertThat(json.status()).isEqualTo(200);
        JsonNode body = json.json();
        assertThat(body.path("events").size()).isEqualTo(ReportService.MAX_MARKERS);
        assertThat(body.path("tools").size()).isEqualTo(ReportService.MAX_TOOLS);
        assertThat(body.path("omitted").path("tools").asInt()).isEqualTo(120 - ReportService.MAX_TOOLS);
        assertThat(body.path("omitted").path("markers").asInt()).isEqualTo(EventService.MAX_PER_WORKER - 1
                - ReportService.MAX_MARKERS);
        assertThat(body.path("omitted").path("note").asText()).contains("at most " + ReportService.MAX_MARKERS);
        // Measured: 43 KB and 109 KB; with every marker and tool shown, 252 KB and 451 KB.
        assertThat(json.body().length()).as("the JSON's size").isLessThan(100_000);
        assertThat(svg.status()).isEqualTo(200);
        assertThat(svg.body().length()).as("the chart's size").isLessThan(250_000);
    }
}
