package org.craftline.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.craftline.Payloads.step;
import static org.craftline.ProblemAssert.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.craftline.CraftlineConfiguration;
import org.craftline.Http;
import org.craftline.Payloads;
import org.craftline.TestApp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DropwizardExtensionsSupport.class)
class ReportApiTest {

    static final DropwizardAppExtension<CraftlineConfiguration> APP = TestApp.extension();

    Http http;
    String worker;

    @BeforeEach
    void newWorker() {
        http = TestApp.admin(APP);
        worker = TestApp.uniqueHandle("rep");
        http.post("/api/workers", Http.json(Payloads.worker(worker)));
    }

    /** Logs a task with a CRAFT and an EXECUTION step; a zero leaves that step out. */
    private void log(String date, int craft, int execution) {
        var task = Payloads.task(worker, date, step("sculpt", craft, "CRAFT"), step("prompt", execution, "EXECUTION"));
        Payloads.steps(task).removeIf(s -> (int) s.get("minutes") == 0);
        Http.Reply reply = http.post("/api/tasks", Http.json(task));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    }

    private JsonNode report(String query) {
        Http.Reply reply = http.get("/api/reports/deskilling?worker=" + worker + query);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    @Test
    void weekly_sumsEachIsoWeekAndShowsEmptyWeeks() {
        log("2023-03-06", 300, 100);   // Monday of week 10
        log("2023-03-12", 100, 100);   // Sunday of week 10
        log("2023-03-20", 60, 240);    // week 12; week 11 stays empty

        JsonNode report = report("&from=2023-03-08&to=2023-03-21&bucket=week");

        assertThat(report.path("subject").path("worker").asText()).isEqualTo(worker);
        assertThat(report.path("from").asText()).isEqualTo("2023-03-08");
        assertThat(report.path("to").asText()).isEqualTo("2023-03-21");
        assertThat(report.path("bucket").asText()).isEqualTo("week");
        JsonNode series = report.path("series");
        assertThat(series).hasSize(3);
        assertThat(series.findValuesAsText("start")).containsExactly("2023-03-06", "2023-03-13", "2023-03-20");
        assertThat(series.findValuesAsText("end")).containsExactly("2023-03-12", "2023-03-19", "2023-03-26");
        assertThat(series.get(0).path("totalMinutes").asInt()).isEqualTo(600);
        assertThat(series.get(0).path("craftMinutes").asInt()).isEqualTo(400);
        assertThat(series.get(0).path("executionMinutes").asInt()).isEqualTo(200);
        assertThat(series.get(0).path("craftShare").asDouble()).isEqualTo(400.0 / 600.0);
        assertThat(series.get(1).path("totalMinutes").asInt()).isZero();
        assertThat(series.get(1).path("craftShare").isNull()).isTrue();
        assertThat(series.get(2).path("craftShare").asDouble()).isEqualTo(0.2);
    }

    @Test
    void monthly_usesCalendarMonths() {
        log("2023-01-31", 60, 0);
        log("2023-02-01", 30, 30);
        log("2023-02-28", 10, 50);

        JsonNode series = report("&from=2023-01-15&to=2023-03-01&bucket=month").path("series");

        assertThat(series.findValuesAsText("start")).containsExactly("2023-01-01", "2023-02-01", "2023-03-01");
        assertThat(series.findValuesAsText("end")).containsExactly("2023-01-31", "2023-02-28", "2023-03-31");
        assertThat(series.get(0).path("craftShare").asDouble()).isEqualTo(1.0);
        assertThat(series.get(1).path("totalMinutes").asInt()).isEqualTo(120);
        assertThat(series.get(1).path("craftShare").asDouble()).isEqualTo(40.0 / 120.0);
        assertThat(series.get(2).path("craftShare").isNull()).isTrue();
    }

    @Test
    void edits_andDeletes_showUpInTheReport() {
        long id = http.post("/api/tasks", Http.json(Payloads.task(worker, "2023-05-01",
                step("sculpt", 100, "CRAFT")))).json().path("id").asLong();
        http.put("/api/tasks/" + id, Http.json(Payloads.task(worker, "2023-05-01",
                step("prompt", 100, "EXECUTION"))), "\"v1\"");

        assertThat(report("&from=2023-05-01&to=2023-05-07").path("series").get(0).path("craftShare").asDouble())
                .isZero();

        http.delete("/api/tasks/" + id);
        assertThat(report("&from=2023-05-01&to=2023-05-07").path("series").get(0).path("totalMinutes").asInt())
                .isZero();
    }

    @Test
    void unknownWorker_returns404() {
        assertProblem(http.get("/api/reports/deskilling?worker=nobody-at-all&from=2023-01-01&to=2023-02-01"), 404);
    }

    @Test
    void defaults_toWeeksOverTheLastYear() {
        JsonNode report = report("");

        assertThat(report.path("bucket").asText()).isEqualTo("week");
        assertThat(report.path("series").size()).isBetween(52, 54);
    }
}
