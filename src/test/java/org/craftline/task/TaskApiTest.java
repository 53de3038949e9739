package org.craftline.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.craftline.testing.Payloads.step;
import static org.craftline.testing.ProblemAssert.assertFieldProblem;
import static org.craftline.testing.ProblemAssert.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.craftline.testing.Http;
import org.craftline.testing.Payloads;
import org.craftline.testing.SharedApp;
import org.craftline.testing.SharedApp.Admin;
import org.craftline.testing.SharedApp.FreshWorker;
import org.craftline.testing.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TaskApiTest {

    @RegisterExtension
    static final SharedApp API = SharedApp.withWorkersNamed("sam");

    @Admin
    Http http;
    @FreshWorker
    String worker;

    private JsonNode create(Map<String, Object> task) {
        Http.Reply reply = http.post("/api/tasks", Http.json(task));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json();
    }

    private List<String> titles(String query) {
        return http.get("/api/tasks?worker=" + worker + query).json().path("items").findValuesAsText("title");
    }

    @Test
    void create_returns201WithLocationETagAndDerivedTotals() {
        Map<String, Object> task = Payloads.task(worker, "2023-03-01",
                step("Concept ", 45, "CRAFT"), step("sculpt", 90, "CRAFT"), step("uv", 45, "EXECUTION"));
        Payloads.steps(task).get(2).put("tool", "RizomUV");
        Payloads.steps(task).get(2).put("discretion", "PRESCRIBED");
        Payloads.steps(task).get(2).put("mediation", "ASSISTED");

        Http.Reply reply = http.post("/api/tasks", Http.json(task));

        assertThat(reply.status()).isEqualTo(201);
        JsonNode created = reply.json();
        long id = created.path("id").asLong();
        assertThat(reply.header("Location")).endsWith("/api/tasks/" + id);
        assertThat(reply.header("ETag")).isEqualTo("\"v1\"");
        assertThat(created.path("worker").asText()).isEqualTo(worker);
        assertThat(created.path("date").asText()).isEqualTo("2023-03-01");
        assertThat(created.path("totalMinutes").asInt()).isEqualTo(180);
        assertThat(created.path("craftMinutes").asInt()).isEqualTo(135);
        assertThat(created.path("craftShare").asDouble()).isEqualTo(0.75);
        assertThat(created.path("version").asInt()).isEqualTo(1);
        assertThat(created.path("steps").findValuesAsText("activity")).containsExactly("concept", "sculpt", "uv");
        JsonNode uv = created.path("steps").get(2);
        assertThat(uv.path("tool").asText()).isEqualTo("RizomUV");
        assertThat(uv.path("discretion").asText()).isEqualTo("PRESCRIBED");
        assertThat(uv.path("mediation").asText()).isEqualTo("ASSISTED");
    }

    /** The create answer is built from what was written, not read back: it must be what a read returns. */
    @Test
    void create_answersExactlyWhatALaterReadReturns() {
        Map<String, Object> first = Payloads.task(worker, "2023-03-02", step(" Sculpt ", 120, "CRAFT"));
        Map<String, Object> second = Payloads.task(worker, "2023-03-02",
                step("Sculpt", 30, "CRAFT"), step("retopo", 45, "EXECUTION"));
        second.put("title", "  Rock kit, second pass  ");
        second.put("notes", "   ");
        Payloads.steps(second).get(1).put("tool", " Maya ");
        Payloads.steps(second).get(1).put("note", "  ");
        Payloads.steps(second).get(1).put("discretion", "WITHIN_SPEC");

        for (Map<String, Object> task : List.of(first, second)) {
            JsonNode created = create(task);
            Http.Reply read = http.get("/api/tasks/" + created.path("id").asLong());

            assertThat(created).isEqualTo(read.json());
        }
    }

    @Test
    void get_returnsTheTaskWithItsETag() {
        long id = create(Payloads.task(worker, "2023-03-02")).path("id").asLong();

        Http.Reply reply = http.get("/api/tasks/" + id);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("ETag")).isEqualTo("\"v1\"");
        assertThat(reply.json().path("steps")).hasSize(2);
        assertThat(reply.json().path("craftShare").asDouble()).isEqualTo(60.0 / 90.0);
    }

    @Test
    void get_unknownId_returns404() {
        assertProblem(http.get("/api/tasks/987654321"), 404);
        assertProblem(http.get("/api/tasks/not-a-number"), 404);
    }

    @Test
    void list_filtersByDateModeToolAndActivity() {
        Map<String, Object> craftOnly = Payloads.task(worker, "2023-01-10", step("sculpt", 60, "CRAFT"));
        craftOnly.put("title", "craft only");
        Payloads.steps(craftOnly).get(0).put("tool", "ZBrush");
        Map<String, Object> executionOnly = Payloads.task(worker, "2023-02-10", step("prompt", 30, "EXECUTION"));
        executionOnly.put("title", "execution only");
        Payloads.steps(executionOnly).get(0).put("tool", "Midjourney v5");
        create(craftOnly);
        create(executionOnly);

        assertThat(titles("")).containsExactly("execution only", "craft only");
        assertThat(titles("&mode=CRAFT")).containsExactly("craft only");
        assertThat(titles("&mode=execution")).containsExactly("execution only");
        assertThat(titles("&tool=midjourney%20v5")).containsExactly("execution only");
        assertThat(titles("&activity=sculpt")).containsExactly("craft only");
        assertThat(titles("&from=2023-02-01")).containsExactly("execution only");
        assertThat(titles("&to=2023-01-31")).containsExactly("craft only");
        assertThat(titles("&from=2023-01-10&to=2023-01-10")).containsExactly("craft only");
    }

    @Test
    void list_pagesNewestFirstWithoutGapsOrRepeats() {
        List<String> expected = new ArrayList<>();
        for (int day = 1; day <= 5; day++) {
            Map<String, Object> task = Payloads.task(worker, "2023-04-0" + day);
            task.put("title", "day " + day);
            create(task);
            expected.add(0, "day " + day);
        }
        // Two tasks on one day must still page in a stable order.
        Map<String, Object> sameDay = Payloads.task(worker, "2023-04-03");
        sameDay.put("title", "day 3 again");
        create(sameDay);
        expected.add(2, "day 3 again");

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = http.get("/api/tasks?worker=" + worker + "&limit=2"
                    + (cursor == null ? "" : "&cursor=" + cursor)).json();
            seen.addAll(page.path("items").findValuesAsText("title"));
            cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asText();
            pages++;
        } while (cursor != null);

        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void list_defaultsToFiftyAndAcceptsUpTo500() {
        assertThat(http.get("/api/tasks?worker=" + worker + "&limit=500").status()).isEqualTo(200);
        assertThat(http.get("/api/tasks?worker=" + worker).json().path("nextCursor").isNull()).isTrue();
    }

    @Test
    void list_badCursor_returns400() {
        assertFieldProblem(http.get("/api/tasks?cursor=bm9wZQ"), 400, "cursor");
    }

    @Test
    void list_unknownWorker_returns404() {
        assertProblem(http.get("/api/tasks?worker=nobody-at-all"), 404);
    }

    @Test
    void replace_withMatchingETag_replacesEverythingAndBumpsTheVersion() {
        JsonNode created = create(Payloads.task(worker, "2023-05-01"));
        long id = created.path("id").asLong();
        Map<String, Object> replacement = Payloads.task(worker, "2023-05-02",
                step("prompt", 15, "EXECUTION"), step("paintover", 20, "EXECUTION"), step("curate", 30, "CRAFT"));
        replacement.remove("worker");
        replacement.put("title", "Prompted rock kit");
        replacement.put("notes", null);

        Http.Reply reply = http.put("/api/tasks/" + id, Http.json(replacement), "\"v1\"");

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.header("ETag")).isEqualTo("\"v2\"");
        JsonNode task = http.get("/api/tasks/" + id).json();
        assertThat(task.path("version").asInt()).isEqualTo(2);
        assertThat(task.path("date").asText()).isEqualTo("2023-05-02");
        assertThat(task.path("title").asText()).isEqualTo("Prompted rock kit");
        assertThat(task.path("notes").isNull()).isTrue();
        assertThat(task.path("steps").findValuesAsText("activity")).containsExactly("prompt", "paintover", "curate");
        assertThat(task.path("totalMinutes").asInt()).isEqualTo(65);
        assertThat(task.path("createdAt").asText()).isEqualTo(created.path("createdAt").asText());
        assertThat(task.path("updatedAt").asText()).isNotEqualTo(created.path("updatedAt").asText());
    }

    @Test
    void replace_withStaleETag_returns412AndChangesNothing() {
        long id = create(Payloads.task(worker, "2023-05-03")).path("id").asLong();
        Map<String, Object> first = Payloads.task(worker, "2023-05-03", step("sculpt", 10, "CRAFT"));
        assertThat(http.put("/api/tasks/" + id, Http.json(first), "\"v1\"").status()).isEqualTo(200);

        Map<String, Object> late = Payloads.task(worker, "2023-05-03", step("sculpt", 500, "CRAFT"));
        assertProblem(http.put("/api/tasks/" + id, Http.json(late), "\"v1\""), 412);

        assertThat(http.get("/api/tasks/" + id).json().path("totalMinutes").asInt()).isEqualTo(10);
    }

    @Test
    void replace_withoutIfMatch_returns428() {
        long id = create(Payloads.task(worker, "2023-05-04")).path("id").asLong();

        assertProblem(http.put("/api/tasks/" + id, Http.json(Payloads.task(worker, "2023-05-04")), null), 428);
    }

    @Test
    void replace_unknownId_returns404() {
        assertProblem(http.put("/api/tasks/987654321", Http.json(Payloads.task(worker, "2023-05-04")), "\"v1\""), 404);
    }

    @Test
    void replace_toAnotherWorker_returns422() {
        String other = TestApp.uniqueHandle("other");
        TestApp.createWorker(http, other);
        long id = create(Payloads.task(worker, "2023-05-05")).path("id").asLong();

        assertFieldProblem(http.put("/api/tasks/" + id, Http.json(Payloads.task(other, "2023-05-05")), "\"v1\""),
                422, "worker");

        assertThat(http.get("/api/tasks/" + id).json().path("worker").asText()).isEqualTo(worker);
    }

    @Test
    void replace_movingOntoAFullDay_returns422AndLeavesTheTaskWhereItWas() {
        create(Payloads.task(worker, "2023-06-02", step("sculpt", 1000, "CRAFT")));
        long id = create(Payloads.task(worker, "2023-06-01", step("sculpt", 500, "CRAFT"))).path("id").asLong();

        assertFieldProblem(http.put("/api/tasks/" + id,
                Http.json(Payloads.task(worker, "2023-06-02", step("sculpt", 500, "CRAFT"))), "\"v1\""), 422, "steps");

        JsonNode task = http.get("/api/tasks/" + id).json();
        assertThat(task.path("date").asText()).isEqualTo("2023-06-01");
        assertThat(task.path("version").asInt()).isEqualTo(1);
    }

    @Test
    void replace_growingWithinItsOwnDay_countsTheOldMinutesOnlyOnce() {
        long id = create(Payloads.task(worker, "2023-06-03", step("sculpt", 1000, "CRAFT"))).path("id").asLong();

        Http.Reply reply = http.put("/api/tasks/" + id,
                Http.json(Payloads.task(worker, "2023-06-03", step("sculpt", 1440, "CRAFT"))), "\"v1\"");

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    }

    @Test
    void delete_returns204AndTheTaskIsGone() {
        long id = create(Payloads.task(worker, "2023-07-01")).path("id").asLong();

        Http.Reply reply = http.delete("/api/tasks/" + id);

        assertThat(reply.status()).isEqualTo(204);
        assertProblem(http.get("/api/tasks/" + id), 404);
        assertProblem(http.delete("/api/tasks/" + id), 404);
    }

    @Test
    void delete_freesTheMinutesOfItsDay() {
        long id = create(Payloads.task(worker, "2023-07-02", step("sculpt", 1000, "CRAFT"))).path("id").asLong();
        http.delete("/api/tasks/" + id);

        create(Payloads.task(worker, "2023-07-02", step("sculpt", 1440, "CRAFT")));
    }

    @Test
    void create_fillingADayExactly_isAllowedAndOneMinuteMoreIsNot() {
        create(Payloads.task(worker, "2023-08-01", step("sculpt", 1000, "CRAFT")));
        create(Payloads.task(worker, "2023-08-01", step("uv", 440, "EXECUTION")));

        assertFieldProblem(http.post("/api/tasks",
                Http.json(Payloads.task(worker, "2023-08-01", step("uv", 1, "EXECUTION")))), 422, "steps");

        assertThat(titles("&from=2023-08-01&to=2023-08-01")).hasSize(2);
    }
}
