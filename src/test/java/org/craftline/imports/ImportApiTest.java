package org.craftline.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.craftline.testing.ProblemAssert.assertFieldProblem;
import static org.craftline.testing.ProblemAssert.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.craftline.testing.Http;
import org.craftline.testing.Payloads;
import org.craftline.testing.SharedApp;
import org.craftline.testing.SharedApp.Admin;
import org.craftline.testing.SharedApp.FreshWorker;
import org.craftline.testing.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Toggl and Clockify detailed reports into a worker's log, through HTTP, from fixture files. */
class ImportApiTest {

    @RegisterExtension
    static final SharedApp API = SharedApp.withWorkersNamed("import");

    @Admin
    Http admin;
    @FreshWorker
    String worker;
    @FreshWorker
    Http asWorker;

    static byte[] fixture(String name) {
        return Payloads.trackerExport(name);
    }

    private Http.Reply post(Http as, String path, byte[] csv) {
        return as.postBytes(path, "text/csv", csv);
    }

    /** The worker's tasks, oldest first, as {@code date title: activity minutes mode tool; ...}. */
    private List<String> log(String handle) {
        List<String> lines = new ArrayList<>();
        for (JsonNode task : admin.get("/api/export?worker=" + handle).json().path("tasks")) {
            StringBuilder line = new StringBuilder(task.path("date").asText() + " " + task.path("title").asText() + ":");
            for (JsonNode step : task.path("steps")) {
                line.append(" ").append(step.path("activity").asText()).append(" ").append(step.path("minutes").asInt())
                        .append(" ").append(step.path("mode").asText())
                        .append(step.path("tool").isNull() ? "" : " " + step.path("tool").asText()).append(";");
            }
            lines.add(line.toString());
        }
        return lines;
    }

    private static final List<String> DETAILED_LOG = List.of(
            "2023-03-01 Cliff kit: concept sketches 30 CRAFT; sculpt hero rock, \"the big one\" 120 CRAFT ZBrush;"
                    + " retopo 45 EXECUTION Maya;",
            "2023-03-01 Props: prompting variations 15 EXECUTION Midjourney v5;",
            "2023-03-02 No project: review call with art director 20 CRAFT;");

    @Test
    void aTogglReport_becomesOneTaskPerDayAndProject_andASecondImportCreatesNothing() {
        Http.Reply first = post(asWorker, "/api/imports/toggl", fixture("toggl-detailed.csv"));

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        JsonNode report = first.json();
        assertThat(report.path("rows").asInt()).isEqualTo(5);
        assertThat(report.path("newRows").asInt()).isEqualTo(5);
        assertThat(report.path("tasks").asInt()).isEqualTo(3);
        assertThat(log(worker)).containsExactlyElementsOf(DETAILED_LOG);
        JsonNode retopo = admin.get("/api/export?worker=" + worker).json().path("tasks").get(0).path("steps").get(2);
        assertThat(retopo.path("note").asText()).as("the description, kept whole").isEqualTo("Retopology, pass 1");

        Http.Reply again = post(asWorker, "/api/imports/toggl", fixture("toggl-detailed.csv"));

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("duplicateRows").asInt()).isEqualTo(5);
        assertThat(again.json().path("tasks").asInt()).isZero();
        assertThat(again.json().path("summary").asText()).startsWith("Nothing new");
        assertThat(log(worker)).hasSize(3);
    }

    @Test
    void columnsAreFoundByName_inAnyOrder_withoutTheAmountAndWithUnknownOnes() {
        assertThat(post(asWorker, "/api/imports/toggl", fixture("toggl-reordered.csv")).status()).isEqualTo(201);

        assertThat(log(worker)).containsExactlyElementsOf(DETAILED_LOG);
    }

    @Test
    void aClockifyReport_readsUsDates_12And24HourTimes_andDecimalDurations() {
        Http.Reply reply = post(asWorker, "/api/imports/clockify", fixture("clockify-detailed.csv"));

        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        assertThat(log(worker)).containsExactly(
                "2023-03-14 Cliff kit: brief with lead 30 CRAFT; prompting 60 EXECUTION Midjourney v5;"
                        + " paint-over of generated concepts 90 EXECUTION Photoshop;",
                "2023-03-15 Cliff kit: curating picks 45 CRAFT;");
    }

    @Test
    void aDryRun_saysWhatWouldHappen_andWritesNothing() {
        Http.Reply dry = post(asWorker, "/api/imports/toggl?dryRun=true", fixture("toggl-detailed.csv"));

        assertThat(dry.status()).isEqualTo(200);
        assertThat(dry.json().path("dryRun").asBoolean()).isTrue();
        assertThat(dry.json().path("tasks").asInt()).isEqualTo(3);
        assertThat(dry.json().path("summary").asText()).contains("Nothing was written");
        assertThat(log(worker)).isEmpty();
    }

    @Test
    void badRows_failTheImportByRowNumber_unlessSkipped() {
        Http.Reply refused = post(asWorker, "/api/imports/toggl", fixture("toggl-with-bad-rows.csv"));

        JsonNode problem = assertProblem(refused, 422);
        assertThat(problem.path("errors").findValuesAsText("field")).containsExactly("row 3", "row 4", "row 5", "row 6");
        assertThat(problem.path("errors").get(0).path("message").asText()).contains("duration");
        assertThat(problem.path("errors").get(3).path("message").asText()).contains("defaultMode");
        assertThat(log(worker)).isEmpty();

        Http.Reply dry = post(asWorker, "/api/imports/toggl?dryRun=true", fixture("toggl-with-bad-rows.csv"));
        assertThat(dry.json().path("rejected").findValuesAsText("row")).containsExactly("3", "4", "5", "6");

        Http.Reply skipped = post(asWorker, "/api/imports/toggl?skipInvalid=true", fixture("toggl-with-bad-rows.csv"));
        assertThat(skipped.status()).isEqualTo(201);
        assertThat(skipped.json().path("rejectedRows").asInt()).isEqualTo(4);
        assertThat(log(worker)).containsExactly("2023-03-01 Cliff kit: sculpt 60 CRAFT; export 30 EXECUTION;");

        Http.Reply withDefault = post(asWorker, "/api/imports/toggl?skipInvalid=true&defaultMode=execution",
                fixture("toggl-with-bad-rows.csv"));
        assertThat(withDefault.json().path("newRows").asInt()).as("only the row that lacked a mode is new").isEqualTo(1);
        assertThat(withDefault.json().path("duplicateRows").asInt()).isEqualTo(2);
    }

    @Test
    void emptyFiles_headerOnlyFiles_andFilesThatAreNotUtf8_getClearAnswers() {
        assertFieldProblem(post(asWorker, "/api/imports/toggl", new byte[0]), 422, "body");
        Http.Reply headerOnly = post(asWorker, "/api/imports/toggl", fixture("toggl-header-only.csv"));
        assertThat(headerOnly.status()).isEqualTo(200);
        assertThat(headerOnly.json().path("rows").asInt()).isZero();
        assertFieldProblem(post(asWorker, "/api/imports/clockify", fixture("toggl-detailed.csv")), 422, "body");

        byte[] latin1 = "User,Project,Description,Start date,Duration,Tags\nS,Caf\u00e9,x,2023-03-01,01:00:00,craft\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        JsonNode notUtf8 = assertProblem(post(asWorker, "/api/imports/toggl", latin1), 400);
        assertThat(notUtf8.path("detail").asText()).contains("not UTF-8");
        assertThat(log(worker)).isEmpty();
    }

    @Test
    void aDayPastItsMinutes_isRejectedByRow() {
        String csv = """
                Project,Description,Start date,Start time,Duration,Tags
                A,long one,2023-03-01,08:00,16:00:00,craft
                A,another,2023-03-01,20:00,08:30:00,craft
                A,fine,2023-03-02,09:00,01:00:00,craft
                """;

        JsonNode problem = assertProblem(post(asWorker, "/api/imports/toggl", csv.getBytes(StandardCharsets.UTF_8)), 422);

        assertThat(problem.path("errors").findValuesAsText("field")).containsExactly("row 2", "row 3");
        assertThat(problem.path("errors").get(0).path("message").asText()).contains("1470 minutes");
    }

    @Test
    void aWorkerImportsOnlyForThemselves() {
        String other = TestApp.uniqueHandle("import-other");
        TestApp.createWorker(admin, other);

        assertProblem(post(asWorker, "/api/imports/toggl?worker=" + other, fixture("toggl-detailed.csv")), 403);
        assertFieldProblem(post(admin, "/api/imports/toggl", fixture("toggl-detailed.csv")), 422, "worker");
        assertProblem(post(TestApp.signedIn(admin, other, "ANALYST"),
                "/api/imports/toggl?worker=" + other, fixture("toggl-detailed.csv")), 403);
        assertThat(post(admin, "/api/imports/toggl?worker=" + other, fixture("toggl-detailed.csv")).status())
                .isEqualTo(201);
        assertThat(log(worker)).isEmpty();
        assertProblem(asWorker.postBytes("/api/imports/toggl", "application/json", "{}".getBytes(StandardCharsets.UTF_8)),
                415);
        assertFieldProblem(post(asWorker, "/api/imports/toggl?dryRun=maybe", fixture("toggl-detailed.csv")), 400,
                "dryRun");
    }

    @Test
    void aRetriedImport_isReplayed() {
        Http keyed = asWorker.withHeader("Idempotency-Key", UUID.randomUUID().toString());

        Http.Reply first = post(keyed, "/api/imports/toggl", fixture("toggl-detailed.csv"));
        Http.Reply retry = post(keyed, "/api/imports/toggl", fixture("toggl-detailed.csv"));

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.body()).isEqualTo(first.body());
        assertFieldProblem(post(keyed, "/api/imports/toggl", fixture("toggl-reordered.csv")), 422,
                "Idempotency-Key");
    }

    @Test
    void aHundredThousandRows_importInOneRequest() {
        StringBuilder csv = new StringBuilder("Project,Task,Description,Start date,Start time,Duration,Tags\n");
        LocalDate first = LocalDate.parse("2021-01-01");
        for (int i = 0; i < 100_000; i++) {
            // 100 rows of ten minutes a day, over a thousand days; two projects a day.
            csv.append(i % 2 == 0 ? "Cliff kit" : "Props").append(",step ").append(i % 7).append(",row ").append(i)
                    .append(',').append(first.plusDays(i / 100)).append(',')
                    .append(String.format("%02d:%02d", 6 + i % 100 / 6, i % 100 % 6 * 10))
                    .append(",00:10:00,").append(i % 3 == 0 ? "craft" : "routine").append('\n');
        }
        byte[] body = csv.toString().getBytes(StandardCharsets.UTF_8);

        // About 10 s on 2 cores; the default 30 s is too close on a busy machine.
        Http.Reply reply = post(asWorker.withTimeout(java.time.Duration.ofMinutes(3)), "/api/imports/toggl", body);

        assertThat(reply.status()).as(reply.body().substring(0, Math.min(400, reply.body().length()))).isEqualTo(201);
        assertThat(reply.json().path("newRows").asInt()).isEqualTo(100_000);
        assertThat(reply.json().path("tasks").asInt()).isEqualTo(2000);
    }

    @Test
    void aBodyOver20MiB_is413() {
        byte[] body = new byte[20 * 1024 * 1024 + 1];
        java.util.Arrays.fill(body, (byte) 'a');

        assertProblem(post(asWorker, "/api/imports/toggl", body), 413);
    }
}
