package org.craftline.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.craftline.testing.ProblemAssert.assertFieldProblem;
import static org.craftline.testing.ProblemAssert.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.craftline.testing.Http;
import org.craftline.testing.Payloads;
import org.craftline.testing.SharedApp;
import org.craftline.testing.SharedApp.Admin;
import org.craftline.testing.SharedApp.FreshWorker;
import org.craftline.testing.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code POST /api/tasks/batch}: all or nothing, errors by item, the day's limit across the batch. */
class TaskBatchApiTest {

    @RegisterExtension
    static final SharedApp API = SharedApp.withWorkersNamed("batch");

    @Admin
    Http admin;
    @FreshWorker
    String worker;

    private List<Map<String, Object>> weeks(String handle, int count) {
        List<Map<String, Object>> tasks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String date = LocalDate.parse("2023-01-02").plusDays(3L * i).toString();
            Map<String, Object> sculpt = Payloads.step("sculpt", 60 + i % 7 * 30, "CRAFT");
            sculpt.put("tool", i % 2 == 0 ? "ZBrush" : "Blender");
            Map<String, Object> prompt = Payloads.step("prompt", 15 + i % 5 * 20, "EXECUTION");
            prompt.put("tool", "Midjourney v5");
            prompt.put("mediation", "GENERATED");
            tasks.add(Payloads.task(handle, date, sculpt, prompt, Payloads.step("prompt", 10, "EXECUTION")));
        }
        return tasks;
    }

    private int tasksOf(String handle) {
        return admin.get("/api/tasks?worker=" + handle + "&limit=500").json().path("items").size();
    }

    private JsonNode report(String handle) {
        ObjectNode report = (ObjectNode) admin.get("/api/reports/deskilling?worker=" + handle
                + "&from=2023-01-01&to=2023-12-31&bucket=week").json();
        report.remove("subject");
        return report;
    }

    @Test
    void aBatch_storesEveryTaskInOrder_andTheReportEqualsSingleWrites() {
        List<Map<String, Object>> tasks = weeks(worker, 60);

        Http.Reply reply = admin.post("/api/tasks/batch", Http.json(Map.of("tasks", tasks)));

        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        assertThat(reply.json().path("created").asInt()).isEqualTo(60);
        JsonNode items = reply.json().path("items");
        assertThat(items.get(0).path("date").asText()).isEqualTo("2023-01-02");
        assertThat(items.get(59).path("date").asText()).isEqualTo("2023-06-28");
        assertThat(items.get(59).path("totalMinutes").asInt()).isEqualTo(60 + 59 % 7 * 30 + 15 + 59 % 5 * 20 + 10);
        assertThat(admin.get("/api/tasks/" + items.get(59).path("id").asLong()).json()).isEqualTo(items.get(59));

        String twin = TestApp.uniqueHandle("single");
        TestApp.createWorker(admin, twin);
        for (Map<String, Object> task : weeks(twin, 60)) {
            assertThat(admin.post("/api/tasks", Http.json(task)).status()).isEqualTo(201);
        }
        assertThat(report(worker)).as("the day and month rollups a batch keeps").isEqualTo(report(twin));
    }

    @Test
    void theArrayAlone_isABatchToo() {
        Http asWorker = TestApp.signedIn(admin, worker, "WORKER");

        Http.Reply reply = asWorker.post("/api/tasks/batch", Http.json(weeks(worker, 3)));

        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        assertThat(tasksOf(worker)).isEqualTo(3);
    }

    @Test
    void invalidItems_areNamedByIndex_andNothingIsStored() {
        List<Map<String, Object>> tasks = weeks(worker, 4);
        tasks.get(1).put("steps", List.of(Payloads.step("sculpt", 0, "CRAFT")));
        tasks.get(3).remove("title");

        JsonNode problem = assertProblem(admin.post("/api/tasks/batch", Http.json(Map.of("tasks", tasks))), 422);

        assertThat(problem.path("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("tasks[1].steps[0].minutes", "tasks[3].title");
        assertThat(tasksOf(worker)).isZero();
    }

    @Test
    void anUnknownWorker_isAnErrorOfItsItem() {
        List<Map<String, Object>> tasks = weeks(worker, 3);
        tasks.get(2).put("worker", "nobody-" + UUID.randomUUID().toString().substring(0, 8));

        assertFieldProblem(admin.post("/api/tasks/batch", Http.json(Map.of("tasks", tasks))), 422, "tasks[2].worker");
        assertThat(tasksOf(worker)).isZero();
    }

    @Test
    void aWorkerToken_batchesOnlyForItsOwnWorker() {
        String other = TestApp.uniqueHandle("batch-other");
        TestApp.createWorker(admin, other);
        Http asWorker = TestApp.signedIn(admin, worker, "WORKER");
        List<Map<String, Object>> tasks = weeks(worker, 2);
        tasks.get(1).put("worker", other);

        assertProblem(asWorker.post("/api/tasks/batch", Http.json(Map.of("tasks", tasks))), 403);
        assertThat(tasksOf(worker)).isZero();
        assertThat(tasksOf(other)).isZero();
    }

    @Test
    void theDaysLimit_countsTheBatchAndWhatIsStored() {
        assertThat(admin.post("/api/tasks", Http.json(Payloads.task(worker, "2023-05-02",
                Payloads.step("sculpt", 1000, "CRAFT")))).status()).isEqualTo(201);
        List<Map<String, Object>> tasks = List.of(
                Payloads.task(worker, "2023-05-01", Payloads.step("sculpt", 800, "CRAFT")),
                Payloads.task(worker, "2023-05-01", Payloads.step("uv", 700, "EXECUTION")),
                Payloads.task(worker, "2023-05-02", Payloads.step("uv", 500, "EXECUTION")),
                Payloads.task(worker, "2023-05-03", Payloads.step("uv", 500, "EXECUTION")));

        JsonNode problem = assertProblem(admin.post("/api/tasks/batch", Http.json(Map.of("tasks", tasks))), 422);

        assertThat(problem.path("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("tasks[0].steps", "tasks[1].steps", "tasks[2].steps");
        assertThat(problem.path("detail").asText()).contains("2023-05-01 to 1500 minutes", "2023-05-02 to 1500 minutes");
        assertThat(tasksOf(worker)).isEqualTo(1);
    }

    @Test
    void emptyAndOversizedBatches_areRefused() {
        assertFieldProblem(admin.post("/api/tasks/batch", "{\"tasks\":[]}"), 422, "tasks");
        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < TaskBatchRequest.MAX_TASKS + 1; i++) {
            tooMany.add(Payloads.task(worker, "2023-01-01", Payloads.step("a", 1, "CRAFT")));
        }
        assertFieldProblem(admin.post("/api/tasks/batch", Http.json(tooMany)), 422, "tasks");
        assertThat(tasksOf(worker)).isZero();
    }

    @Test
    void aThousandTasksOfSeveralMebibytes_goInOneRequest() {
        List<Map<String, Object>> tasks = weeks(worker, TaskBatchRequest.MAX_TASKS);
        tasks.forEach(task -> task.put("notes", "n".repeat(3000)));
        String body = Http.json(tasks);
        assertThat(body.length()).isGreaterThan(3 * 1024 * 1024);

        Http.Reply reply = admin.post("/api/tasks/batch", body);

        assertThat(reply.status()).as(reply.body().substring(0, Math.min(300, reply.body().length()))).isEqualTo(201);
        assertThat(reply.json().path("created").asInt()).isEqualTo(TaskBatchRequest.MAX_TASKS);
    }

    @Test
    void aRetriedBatch_isReplayed() {
        Http keyed = admin.withHeader("Idempotency-Key", UUID.randomUUID().toString());
        String body = Http.json(Map.of("tasks", weeks(worker, 5)));

        Http.Reply first = keyed.post("/api/tasks/batch", body);
        Http.Reply retry = keyed.post("/api/tasks/batch", body);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(tasksOf(worker)).isEqualTo(5);
    }
}
