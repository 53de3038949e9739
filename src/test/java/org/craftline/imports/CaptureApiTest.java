package org.craftline.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.craftline.testing.ProblemAssert.assertFieldProblem;
import static org.craftline.testing.ProblemAssert.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.craftline.demo.ArtistActivity.Kind;
import org.craftline.demo.ArtistActivity.Segment;
import org.craftline.testing.CaptureExports;
import org.craftline.testing.CaptureExports.Beat;
import org.craftline.testing.Http;
import org.craftline.testing.SharedApp;
import org.craftline.testing.SharedApp.Admin;
import org.craftline.testing.SharedApp.FreshWorker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * ActivityWatch and WakaTime exports into a worker's log by the worker's rules, through HTTP, from
 * generated exports whose truth is known ({@link CaptureExports}).
 */
class CaptureApiTest {

    @RegisterExtension
    static final SharedApp API = SharedApp.withWorkersNamed("capture");

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final String AW = "/api/imports/activitywatch?zone=Europe/Berlin";
    private static final String WAKA = "/api/imports/wakatime?zone=Europe/Berlin";
    private static final long BRIDGE = 120_000;
    private static final long SHORTEST = 60_000;

    @Admin
    Http admin;
    @FreshWorker
    String worker;
    @FreshWorker
    Http asWorker;

    private void rules(String json) {
        Http.Reply saved = asWorker.put("/api/workers/" + worker + "/rules", json, "*");
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
    }

    private Http.Reply post(String path, byte[] json) {
        return asWorker.postBytes(path, "application/json", json);
    }

    /** Minutes per mode per day, as the report's per-day figures and as the stored steps hold them. */
    private record DayFigures(int craft, int execution, int unclassified) {
    }

    /**
     * What a correct import makes of the truth: runs of one kind across gaps of at most the bridge,
     * those of a minute or more each rounded to whole minutes; unclassified time summed per day.
     */
    private static Map<LocalDate, DayFigures> expected(List<Segment> truth) {
        Map<LocalDate, List<Segment>> byDay = new TreeMap<>();
        for (Segment segment : truth) {
            long start = segment.start();
            while (start < segment.end()) {
                LocalDate date = Instant.ofEpochMilli(start).atZone(BERLIN).toLocalDate();
                long end = Math.min(segment.end(), date.plusDays(1).atStartOfDay(BERLIN).toInstant().toEpochMilli());
                byDay.computeIfAbsent(date, d -> new ArrayList<>()).add(new Segment(start, end, segment.kind()));
                start = end;
            }
        }
        Map<LocalDate, DayFigures> figures = new TreeMap<>();
        byDay.forEach((date, segments) -> {
            int[] modes = new int[2];
            long unclassified = 0;
            Kind run = null;
            long runTime = 0;
            long runEnd = 0;
            for (Segment segment : segments) {
                if (segment.kind() == Kind.UNCLASSIFIED) {
                    unclassified += segment.end() - segment.start();
                }
                if (!segment.kind().classified()) {
                    continue;
                }
                if (segment.kind() != run || segment.start() - runEnd > BRIDGE) {
                    close(run, runTime, modes);
                    run = segment.kind();
                    runTime = 0;
                }
                runTime += segment.end() - segment.start();
                runEnd = segment.end();
            }
            close(run, runTime, modes);
            if (modes[0] + modes[1] > 0 || unclassified > 0) {
                figures.put(date, new DayFigures(modes[0], modes[1], (int) Math.round(unclassified / 60_000.0)));
            }
        });
        return figures;
    }

    private static void close(Kind run, long runTime, int[] modes) {
        if (run != null && runTime >= SHORTEST) {
            modes[run.craft() ? 0 : 1] += (int) Math.max(1, Math.round(runTime / 60_000.0));
        }
    }

    private static Map<LocalDate, DayFigures> reported(JsonNode report) {
        Map<LocalDate, DayFigures> figures = new TreeMap<>();
        for (JsonNode day : report.path("days")) {
            figures.put(LocalDate.parse(day.path("date").asText()), new DayFigures(day.path("craftMinutes").asInt(),
                    day.path("executionMinutes").asInt(), day.path("unclassifiedMinutes").asInt()));
        }
        return figures;
    }

    /** The worker's stored minutes by day and mode, from the export. */
    private Map<LocalDate, DayFigures> stored() {
        Map<LocalDate, int[]> minutes = new TreeMap<>();
        for (JsonNode task : admin.get("/api/export?worker=" + worker).json().path("tasks")) {
            int[] modes = minutes.computeIfAbsent(LocalDate.parse(task.path("date").asText()), d -> new int[2]);
            for (JsonNode step : task.path("steps")) {
                modes[step.path("mode").asText().equals("CRAFT") ? 0 : 1] += step.path("minutes").asInt();
            }
        }
        Map<LocalDate, DayFigures> figures = new TreeMap<>();
        minutes.forEach((date, modes) -> figures.put(date, new DayFigures(modes[0], modes[1], 0)));
        return figures;
    }

    private static void assertWithinAMinute(Map<LocalDate, DayFigures> actual, Map<LocalDate, DayFigures> expected,
                                            boolean unclassified) {
        assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
        expected.forEach((date, want) -> {
            DayFigures got = actual.get(date);
            assertThat(Math.abs(got.craft() - want.craft())).as(date + " craft " + got + " vs " + want).isLessThanOrEqualTo(1);
            assertThat(Math.abs(got.execution() - want.execution())).as(date + " execution " + got + " vs " + want)
                    .isLessThanOrEqualTo(1);
            if (unclassified) {
                assertThat(Math.abs(got.unclassified() - want.unclassified())).as(date + " unclassified")
                        .isLessThanOrEqualTo(1);
            }
        });
    }

    @Test
    void anActivityWatchExport_becomesTheNotAfkClassifiedMinutes_byDay_includingTheDaysTheClocksChange() {
        rules(CaptureExports.ARTIST_RULES);
        CaptureExports.Export export = CaptureExports.activityWatch(7, LocalDate.parse("2023-03-20"), 14, BERLIN);

        Http.Reply reply = post(AW, export.json());

        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        Map<LocalDate, DayFigures> truth = expected(export.truth());
        assertThat(truth).containsKey(LocalDate.parse("2023-03-26"));
        assertWithinAMinute(reported(reply.json()), truth, true);
        Map<LocalDate, DayFigures> withSteps = new TreeMap<>(truth);
        withSteps.values().removeIf(day -> day.craft() + day.execution() == 0);
        assertWithinAMinute(stored(), withSteps, false);
        assertThat(reply.json().path("records").asInt()).isEqualTo(export.records());
        JsonNode first = reply.json().path("days").get(0);
        assertThat(first.path("origin").asText()).isEqualTo("studio");
        assertThat(first.path("unmatched").get(0).path("when").path("app").asText()).isIn("Thunderbird", "Firefox");
        assertThat(admin.get("/api/export?worker=" + worker).json().path("tasks").get(0).path("title").asText())
                .isEqualTo("ActivityWatch, studio");
    }

    @Test
    void aWakaTimeExport_countsTimeAsWakaTimeDoes_andTakesMediationFromLineChanges() {
        rules(CaptureExports.DEVELOPER_RULES);
        CaptureExports.WakaTimeExport export = CaptureExports.wakaTime(3, LocalDate.parse("2023-05-01"), 10, BERLIN);

        Http.Reply reply = post(WAKA, export.json());

        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        List<Segment> truth = new ArrayList<>();
        Map<LocalDate, long[]> lines = new TreeMap<>();
        for (Beat beat : export.truth()) {
            Kind kind = switch (beat.category()) {
                case CODING, DEBUGGING -> Kind.SCULPT;
                case AI_CODING -> Kind.PROMPT;
                case DOTFILES -> Kind.IGNORED;
                case BROWSING -> Kind.UNCLASSIFIED;
            };
            truth.add(new Segment(beat.start(), beat.end(), kind));
            long[] day = lines.computeIfAbsent(Instant.ofEpochMilli(beat.start()).atZone(BERLIN).toLocalDate(),
                    d -> new long[2]);
            day[0] += beat.aiLines();
            day[1] += beat.humanLines();
        }
        assertWithinAMinute(reported(reply.json()), expected(truth), true);
        for (JsonNode day : reply.json().path("days")) {
            long[] want = lines.get(LocalDate.parse(day.path("date").asText()));
            assertThat(day.path("aiLineChanges").asLong()).isEqualTo(want[0]);
            assertThat(day.path("aiShare").asDouble()).isCloseTo(want[0] / (double) (want[0] + want[1]),
                    org.assertj.core.data.Offset.offset(0.001));
        }
        List<String> mediations = new ArrayList<>();
        for (JsonNode task : admin.get("/api/export?worker=" + worker).json().path("tasks")) {
            assertThat(task.path("title").asText()).isEqualTo("WakaTime");
            task.path("steps").forEach(step -> mediations.add(step.path("activity").asText() + " "
                    + step.path("mediation").asText()));
        }
        assertThat(mediations).contains("ai coding GENERATED", "write code NONE").doesNotContain("ai coding NONE");
    }

    @Test
    void reimporting_createsNothing_anOverlappingExportAddsItsNewDays_andReplaceDaysSparesHandLoggedTasks() {
        rules(CaptureExports.ARTIST_RULES);
        byte[] firstWeek = CaptureExports.activityWatch(11, LocalDate.parse("2023-06-05"), 5, BERLIN).json();
        CaptureExports.Export longer = CaptureExports.activityWatch(11, LocalDate.parse("2023-06-05"), 8, BERLIN);
        byte[] overlapping = longer.json();
        // The days of the longer export with steps: the five weekdays both hold, and what follows them.
        int longerDays = (int) expected(longer.truth()).values().stream()
                .filter(day -> day.craft() + day.execution() > 0).count();
        int added = longerDays - 5;
        Http.Reply handLogged = asWorker.post("/api/tasks", "{\"worker\": \"" + worker + "\", \"date\": \"2023-06-06\","
                + " \"title\": \"Sketchbook\", \"steps\": [{\"activity\": \"sketch\", \"minutes\": 30, \"mode\": \"CRAFT\"}]}");
        assertThat(handLogged.status()).as(handLogged.body()).isEqualTo(201);

        assertThat(post(AW, firstWeek).status()).isEqualTo(201);
        int tasks = tasks().size();
        Http.Reply again = post(AW, firstWeek);

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("daysAlreadyImported").asInt()).isEqualTo(5);
        assertThat(tasks()).hasSize(tasks);

        Http.Reply more = post(AW, overlapping);
        assertThat(more.status()).as(more.body()).isEqualTo(201);
        assertThat(added).as("the longer export has days the first has not").isPositive();
        assertThat(more.json().path("daysImported").asInt()).isEqualTo(added);
        assertThat(more.json().path("daysAlreadyImported").asInt()).isEqualTo(5);
        assertThat(tasks()).hasSize(tasks + added);

        rules(CaptureExports.ARTIST_RULES.replace("\"sculpt\"", "\"modelling\""));
        Http.Reply replaced = post(AW + "&replaceDays=true", overlapping);

        assertThat(replaced.status()).as(replaced.body()).isEqualTo(201);
        assertThat(replaced.json().path("daysReplaced").asInt()).isEqualTo(longerDays);
        assertThat(tasks()).hasSize(tasks + added).contains("2023-06-06 Sketchbook");
        String log = admin.get("/api/export?worker=" + worker).body();
        assertThat(log).contains("\"modelling\"").doesNotContain("\"sculpt\"");
    }

    private List<String> tasks() {
        List<String> titles = new ArrayList<>();
        admin.get("/api/export?worker=" + worker).json().path("tasks")
                .forEach(task -> titles.add(task.path("date").asText() + " " + task.path("title").asText()));
        return titles;
    }

    @Test
    void aDryRun_showsEachDayWithItsUnclassifiedValues_andWritesNothing() {
        rules(CaptureExports.ARTIST_RULES);
        byte[] export = CaptureExports.activityWatch(5, LocalDate.parse("2023-04-03"), 3, BERLIN).json();

        Http.Reply dry = post(AW + "&dryRun=true", export);

        assertThat(dry.status()).isEqualTo(200);
        JsonNode day = dry.json().path("days").get(0);
        assertThat(day.path("status").asText()).isEqualTo("IMPORT");
        assertThat(day.path("activities").findValuesAsText("activity")).contains("sculpt");
        assertThat(day.path("unmatched").size()).isBetween(1, 10);
        assertThat(dry.json().path("days").findValues("ignoredMinutes").stream().mapToInt(JsonNode::asInt).sum())
                .as("Slack, which a rule ignores").isPositive();
        assertThat(dry.json().path("summary").asText()).contains("Nothing was written");
        assertThat(tasks()).isEmpty();
    }

    @Test
    void withoutRules_everyMinuteIsUnclassified_andNothingIsWritten() {
        byte[] export = CaptureExports.activityWatch(5, LocalDate.parse("2023-04-03"), 2, BERLIN).json();

        Http.Reply reply = post(AW, export);

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().path("minutes").asInt()).isZero();
        assertThat(reply.json().path("unclassifiedMinutes").asInt()).isGreaterThan(300);
        assertThat(reply.json().path("daysWithoutSteps").asInt()).isEqualTo(2);
        assertThat(tasks()).isEmpty();
    }

    @Test
    void aDayThatWouldPass1440Minutes_isRefusedWithItsReason_unlessSkipped() {
        rules(CaptureExports.ARTIST_RULES);
        byte[] export = CaptureExports.activityWatch(5, LocalDate.parse("2023-04-03"), 2, BERLIN).json();
        Http.Reply full = asWorker.post("/api/tasks", "{\"worker\": \"" + worker + "\", \"date\": \"2023-04-03\","
                + " \"title\": \"Crunch\", \"steps\": [{\"activity\": \"crunch\", \"minutes\": 1400, \"mode\": \"EXECUTION\"}]}");
        assertThat(full.status()).isEqualTo(201);

        JsonNode problem = assertProblem(post(AW, export), 422);
        assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("day 2023-04-03 (studio)");
        assertThat(problem.path("errors").get(0).path("message").asText()).contains("1440");
        assertThat(tasks()).containsExactly("2023-04-03 Crunch");

        Http.Reply skipped = post(AW + "&skipInvalid=true", export);

        assertThat(skipped.status()).as(skipped.body()).isEqualTo(201);
        assertThat(skipped.json().path("daysRefused").asInt()).isEqualTo(1);
        assertThat(tasks()).containsExactly("2023-04-03 Crunch", "2023-04-04 ActivityWatch, studio");
    }

    @Test
    void anIdempotencyKey_answersARetryAsTheFirstTime() {
        rules(CaptureExports.ARTIST_RULES);
        byte[] export = CaptureExports.activityWatch(5, LocalDate.parse("2023-04-03"), 2, BERLIN).json();
        Http keyed = asWorker.withHeader("Idempotency-Key", "aw-" + worker);

        Http.Reply first = keyed.postBytes(AW, "application/json", export);
        Http.Reply retry = keyed.postBytes(AW, "application/json", export);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json()).isEqualTo(first.json());
        assertThat(tasks()).hasSize(2);
    }

    @Test
    void aMalformedExport_is4xxNamingWhere_neverA500() {
        assertFieldProblem(post(AW, bytes("{\"buckets\": {\"w\": {\"type\": \"currentwindow\", \"events\": ["
                + "{\"timestamp\": \"2023-03-14T09:00:00Z\", \"duration\": 5, \"data\": {}},"
                + "{\"timestamp\": \"yesterday\", \"duration\": 5, \"data\": {}}]}}}")), 422,
                "buckets.w.events[1].timestamp");
        assertFieldProblem(post(AW, bytes("{\"buckets\": {\"w\": {\"type\": \"currentwindow\", \"events\": ["
                + "{\"timestamp\": \"+99999-03-14T09:00:00Z\", \"duration\": 5}]}}}")), 422,
                "buckets.w.events[0].timestamp");
        assertFieldProblem(post(AW, bytes("{\"buckets\": {\"w\": {\"type\": \"currentwindow\", \"events\": ["
                + "{\"timestamp\": \"2023-03-14T09:00:00Z\", \"duration\": \"long\"}]}}}")), 422,
                "buckets.w.events[0].duration");
        assertFieldProblem(post(AW, bytes("{\"nothing\": 1}")), 422, "buckets");
        assertFieldProblem(post(AW, bytes("{\"buckets\": {\"w\": {\"type\": \"currentwindow\", \"hostname\": \""
                + "h".repeat(256) + "\", \"events\": []}}}")), 422, "buckets.w.hostname");
        Http.Reply farFuture = post(AW + "&dryRun=true", bytes("{\"buckets\": {\"w\": {\"type\": \"currentwindow\","
                + " \"events\": [{\"timestamp\": \"2200-12-29T09:00:00Z\", \"duration\": 3.0e7, \"data\": "
                + "{\"app\": \"Blender\"}}]}}}"));
        assertThat(farFuture.status()).as(farFuture.body()).isEqualTo(200);
        assertThat(farFuture.json().path("days").findValuesAsText("date")).allMatch(date -> date.compareTo("2201") < 0);
        assertFieldProblem(post(AW, bytes("{\"buckets\": {}} {\"buckets\": {}}")), 422, "body");
        assertThat(post(AW, bytes("{\"buckets\": {\"w\": ")).status()).isEqualTo(400);
        assertFieldProblem(post(WAKA, bytes("{\"days\": [{\"date\": \"2023-05-01\", \"heartbeats\": ["
                + "{\"time\": 1682928000.5}, {\"time\": \"noon\"}]}]}")), 422, "days[0].heartbeats[1].time");
        assertFieldProblem(post(WAKA, bytes("{\"days\": [{\"heartbeats\": [{\"time\": 1e300}]}]}")), 422,
                "days[0].heartbeats[0].time");
        assertFieldProblem(post(WAKA, bytes("{\"days\": [{\"heartbeats\": [{\"time\": 1682928000, "
                + "\"ai_line_changes\": -4}]}]}")), 422, "days[0].heartbeats[0].ai_line_changes");
        assertFieldProblem(post(WAKA, bytes("{\"days\": [{\"heartbeats\": [{\"time\": 1682928000, "
                + "\"human_line_changes\": 99999999999999999999999}]}]}")), 422,
                "days[0].heartbeats[0].human_line_changes");
        assertFieldProblem(post(WAKA, bytes("{\"range\": {}}")), 422, "days");
        assertProblem(post("/api/imports/wakatime", bytes("{\"days\": []}")), 400);
        assertProblem(post("/api/imports/wakatime?zone=Mars/Olympus", bytes("{\"days\": []}")), 400);
        assertProblem(post(WAKA + "&minRunSeconds=5", bytes("{\"days\": []}")), 400);
        assertThat(tasks()).isEmpty();
    }

    @Test
    void theOpenApiDocument_describesEveryParameterOfBothRoutes() {
        JsonNode paths = admin.get("/api/openapi.json").json().path("paths");

        for (String route : List.of("/imports/activitywatch", "/imports/wakatime")) {
            JsonNode parameters = paths.path(route).path("post").path("parameters");
            assertThat(parameters.findValuesAsText("name")).as(route).contains("worker", "zone", "dryRun",
                    "skipInvalid", "replaceDays", "bridgeSeconds", "minRunSeconds", "Idempotency-Key");
            parameters.forEach(parameter -> assertThat(parameter.path("description").asText()).as(route).isNotBlank());
        }
        assertThat(paths.path("/imports/wakatime").path("post").path("parameters").findValuesAsText("name"))
                .contains("timeoutMinutes");
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
