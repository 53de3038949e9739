package org.craftline.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.craftline.testing.Payloads.step;
import static org.craftline.testing.ProblemAssert.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.craftline.testing.Http;
import org.craftline.testing.Payloads;
import org.craftline.testing.SharedApp;
import org.craftline.testing.SharedApp.Admin;
import org.craftline.testing.SharedApp.FreshWorker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ReportApiTest {

    @RegisterExtension
    static final SharedApp API = SharedApp.withWorkersNamed("rep");

    @Admin
    Http http;
    @FreshWorker
    String worker;

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

    /** Twelve weeks of mostly craft, then twelve of mostly execution with a new tool, and the event between. */
    private void logAShift() {
        LocalDate monday = LocalDate.parse("2023-01-02");
        java.util.Random noise = new java.util.Random(7);
        for (int week = 0; week < 24; week++) {
            boolean after = week >= 12;
            int craft = (after ? 100 : 400) + (int) Math.round(20 * noise.nextGaussian());
            Map<String, Object> task = Payloads.task(worker, monday.plusWeeks(week).toString(),
                    step("sculpt", craft, "CRAFT"), step("prompt", 500 - craft, "EXECUTION"));
            Payloads.steps(task).get(1).put("tool", after ? "Midjourney v5" : "Maya");
            http.post("/api/tasks", Http.json(task));
        }
        http.post("/api/events", Http.json(Payloads.event(worker, "2023-03-27", "adopted Midjourney v5")));
    }

    @Test
    void fullReport_hasTrendChangePointEventsAndTools() {
        logAShift();

        JsonNode report = report("&from=2023-01-02&to=2023-06-18&bucket=week&window=8");

        assertThat(report.path("window").asInt()).isEqualTo(8);
        JsonNode trend = report.path("trend");
        assertThat(trend.path("periods").asInt()).isEqualTo(24);
        assertThat(trend.path("verdict").asText()).isEqualTo("DESKILLING");
        assertThat(trend.path("mannKendall").path("s").asLong()).isNegative();
        assertThat(trend.path("mannKendall").path("pValue").asDouble()).isLessThan(0.05);
        for (String field : List.of("varS", "z", "tau")) {
            assertThat(trend.path("mannKendall").has(field)).as(field).isTrue();
        }
        JsonNode adjusted = trend.path("adjusted");
        assertThat(adjusted.path("method").asText()).isEqualTo("lettenmaier-ar1-bias-corrected");
        assertThat(adjusted.path("pValue").asDouble())
                .isGreaterThanOrEqualTo(trend.path("mannKendall").path("pValue").asDouble());
        assertThat(adjusted.path("varS").asDouble()).isGreaterThanOrEqualTo(trend.path("mannKendall").path("varS").asDouble());
        assertThat(adjusted.path("effectivePeriods").asDouble()).isBetween(1.0, 24.0);
        assertThat(adjusted.has("lag1Autocorrelation")).isTrue();
        assertThat(adjusted.has("z")).isTrue();
        assertThat(trend.path("theilSen").path("slope").asDouble()).isNegative();
        assertThat(trend.path("theilSen").path("slopeLow").asDouble())
                .isLessThanOrEqualTo(trend.path("theilSen").path("slopeHigh").asDouble());
        assertThat(report.path("changePoints")).hasSize(1);
        assertThat(report.path("changePoints").get(0).path("start").asText()).isEqualTo("2023-03-27");
        assertThat(report.path("changePoints").get(0).path("shareBefore").asDouble()).isGreaterThan(0.7);
        assertThat(report.path("changePoints").get(0).path("shareAfter").asDouble()).isLessThan(0.3);

        // Maya was first used in the first week logged: no before to compare, so no event.
        assertThat(report.path("events").findValuesAsText("label")).containsExactly("adopted Midjourney v5");
        JsonNode event = report.path("events").get(0);
        assertThat(event.path("kind").asText()).isEqualTo("RECORDED");
        assertThat(event.path("periodsBefore").asInt()).isEqualTo(8);
        assertThat(event.path("periodsAfter").asInt()).isEqualTo(8);
        assertThat(event.path("difference").asDouble()).isLessThan(-0.5);
        assertThat(event.path("ciHigh").asDouble()).isLessThan(0);

        JsonNode tools = report.path("tools");
        assertThat(tools.findValuesAsText("tool")).containsExactlyInAnyOrder("Midjourney v5", "Maya");
        JsonNode midjourney = tools.get(0).path("tool").asText().equals("Midjourney v5") ? tools.get(0) : tools.get(1);
        assertThat(midjourney.path("firstUsed").asText()).isEqualTo("2023-03-27");
        assertThat(midjourney.path("executionMinutes").asLong()).isEqualTo(midjourney.path("minutes").asLong());
        assertThat(midjourney.has("workers")).isFalse();

        JsonNode week = report.path("series").get(0);
        for (String field : List.of("generatedShare", "prescribedShare", "meanStepMinutes", "repetitionShare",
                "repertoire", "suppressed")) {
            assertThat(week.has(field)).as(field).isTrue();
        }
        assertThat(week.path("meanStepMinutes").asDouble()).isEqualTo(250.0);   // 500 minutes in 2 steps
    }

    @Test
    void fewPeriods_sayTooFewAndHaveNoStatistics() {
        log("2023-03-06", 100, 100);

        JsonNode trend = report("&from=2023-03-06&to=2023-03-26").path("trend");

        assertThat(trend.path("verdict").asText()).isEqualTo("TOO_FEW_PERIODS");
        assertThat(trend.path("periods").asInt()).isEqualTo(1);
        assertThat(trend.path("mannKendall").isNull()).isTrue();
    }

    @Test
    void csv_hasAHeaderAndOneRowPerPeriod() {
        log("2023-03-06", 300, 100);

        for (Http.Reply reply : List.of(
                http.send("GET", "/api/reports/deskilling?worker=" + worker + "&from=2023-03-06&to=2023-03-19", null, null, "text/csv"),
                http.get("/api/reports/deskilling?worker=" + worker + "&from=2023-03-06&to=2023-03-19&format=csv"))) {
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.contentType()).startsWith("text/csv");
            List<String> lines = reply.body().lines().toList();
            assertThat(lines).hasSize(3);
            assertThat(lines.get(0)).isEqualTo("start,end,totalMinutes,craftMinutes,executionMinutes,craftShare,"
                    + "generatedShare,prescribedShare,meanStepMinutes,repetitionShare,repertoire,suppressed,pending,"
                    + "published,publishesOn");
            assertThat(lines.get(1)).startsWith("2023-03-06,2023-03-12,400,300,100,0.75,");
            assertThat(lines.get(2)).startsWith("2023-03-13,2023-03-19,0,0,0,,");
        }
    }

    @Test
    void svg_isAChartNamingTheWorker() {
        logAShift();

        for (Http.Reply reply : List.of(
                http.send("GET", "/api/reports/deskilling?worker=" + worker + "&from=2023-01-02&to=2023-06-18", null, null,
                        "image/svg+xml"),
                http.get("/api/reports/deskilling?worker=" + worker + "&from=2023-01-02&to=2023-06-18&format=svg"))) {
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.contentType()).startsWith("image/svg+xml");
            assertThat(reply.body()).startsWith("<?xml").contains("<svg", "</svg>")
                    .contains("worker " + worker)
                    .contains("Craft share of logged minutes")
                    .contains("Theil-Sen trend")
                    .contains("adopted Midjourney v5")
                    .contains("shift 2023-03-27");
        }
    }

    @Test
    void svg_isDrawnForTheWidthAskedFor() {
        logAShift();

        Http.Reply narrow = http.get("/api/reports/deskilling?worker=" + worker + "&from=2023-01-02&to=2023-06-18"
                + "&format=svg&width=343");

        assertThat(narrow.status()).isEqualTo(200);
        assertThat(narrow.body()).containsPattern("<svg [^>]*width=['\"]343(\\.0)?['\"]").contains("shift 2023-03-27");
    }

    @Test
    void formatParameter_winsOverAccept() {
        Http.Reply reply = http.send("GET", "/api/reports/deskilling?worker=" + worker + "&format=json", null, null,
                "text/csv");

        assertThat(reply.contentType()).startsWith("application/json");
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
