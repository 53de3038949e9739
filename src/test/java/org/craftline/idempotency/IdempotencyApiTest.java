package org.craftline.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.craftline.testing.ProblemAssert.assertFieldProblem;
import static org.craftline.testing.ProblemAssert.assertProblem;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.craftline.testing.AtOnce;
import org.craftline.testing.Http;
import org.craftline.testing.Payloads;
import org.craftline.testing.SharedApp;
import org.craftline.testing.SharedApp.Admin;
import org.craftline.testing.SharedApp.FreshWorker;
import org.craftline.testing.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Idempotency-Key on the routes that create, through HTTP, as phones and scripts retry. */
class IdempotencyApiTest {

    @RegisterExtension
    static final SharedApp API = SharedApp.withWorkersNamed("idem");

    @Admin
    Http admin;
    @FreshWorker
    String worker;
    @FreshWorker
    Http asWorker;

    private int tasksOf(String handle) {
        return admin.get("/api/tasks?worker=" + handle + "&limit=500").json().path("items").size();
    }

    @Test
    void aRetry_getsTheFirstAnswer_andWritesNothing() {
        Http keyed = asWorker.withHeader("Idempotency-Key", UUID.randomUUID().toString());
        String body = Http.json(Payloads.task(worker, "2023-03-01"));

        Http.Reply first = keyed.post("/api/tasks", body);
        Http.Reply retry = keyed.post("/api/tasks", body);

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"))
                .isEqualTo("/api/tasks/" + first.json().path("id").asLong());
        assertThat(retry.header("ETag")).isEqualTo(first.header("ETag")).isEqualTo("\"v1\"");
        assertThat(tasksOf(worker)).isEqualTo(1);
    }

    @Test
    void theSameBodyWithKeysInAnotherOrder_isTheSameRequest() {
        Http keyed = asWorker.withHeader("Idempotency-Key", "order-" + UUID.randomUUID());
        keyed.post("/api/tasks", "{\"worker\":\"" + worker + "\",\"date\":\"2023-03-01\",\"title\":\"t\","
                + "\"steps\":[{\"activity\":\"sculpt\",\"minutes\":60,\"mode\":\"CRAFT\"}]}");

        Http.Reply retry = keyed.post("/api/tasks", "{ \"title\": \"t\", \"date\": \"2023-03-01\", \"worker\": \""
                + worker + "\", \"steps\": [ {\"mode\":\"CRAFT\",\"minutes\":60,\"activity\":\"sculpt\"} ] }");

        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(tasksOf(worker)).isEqualTo(1);
    }

    @Test
    void theSameKeyWithAnotherBody_is422_andWritesNothing() {
        Http keyed = asWorker.withHeader("Idempotency-Key", UUID.randomUUID().toString());
        keyed.post("/api/tasks", Http.json(Payloads.task(worker, "2023-03-01")));

        Http.Reply other = keyed.post("/api/tasks", Http.json(Payloads.task(worker, "2023-03-02")));

        assertFieldProblem(other, 422, "Idempotency-Key");
        assertThat(tasksOf(worker)).isEqualTo(1);
    }

    @Test
    void anotherWorkersIdenticalKey_isAnotherKey() {
        String key = "shared-" + UUID.randomUUID();
        String other = TestApp.uniqueHandle("idem-other");
        TestApp.createWorker(admin, other);
        Http otherWorker = TestApp.signedIn(admin, other, "WORKER");

        Http.Reply mine = asWorker.withHeader("Idempotency-Key", key).post("/api/tasks",
                Http.json(Payloads.task(worker, "2023-03-01")));
        Http.Reply theirs = otherWorker.withHeader("Idempotency-Key", key).post("/api/tasks",
                Http.json(Payloads.task(other, "2023-03-01")));

        assertThat(mine.status()).isEqualTo(201);
        assertThat(theirs.status()).isEqualTo(201);
        assertThat(theirs.header("Idempotent-Replayed")).isNull();
        assertThat(tasksOf(other)).isEqualTo(1);
    }

    @Test
    void aRefusedWrite_isNotRemembered_soItsRetryCanSucceedLater() {
        Http keyed = asWorker.withHeader("Idempotency-Key", UUID.randomUUID().toString());
        String full = Http.json(Payloads.task(worker, "2023-03-01", Payloads.step("sculpt", 1440, "CRAFT")));
        assertThat(asWorker.post("/api/tasks", full).status()).isEqualTo(201);
        String more = Http.json(Payloads.task(worker, "2023-03-01", Payloads.step("uv", 60, "EXECUTION")));

        assertProblem(keyed.post("/api/tasks", more), 422);
        String fullTask = admin.get("/api/tasks?worker=" + worker).json().path("items").get(0).path("id").asText();
        assertThat(admin.delete("/api/tasks/" + fullTask).status()).isEqualTo(204);

        assertThat(keyed.post("/api/tasks", more).status()).isEqualTo(201);
        assertThat(tasksOf(worker)).isEqualTo(1);
    }

    @Test
    void events_takeKeysToo() {
        Http keyed = asWorker.withHeader("Idempotency-Key", UUID.randomUUID().toString());
        String body = Http.json(Payloads.event(worker, "2023-03-15", "adopted Midjourney v5"));

        Http.Reply first = keyed.post("/api/events", body);
        Http.Reply retry = keyed.post("/api/events", body);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(admin.get("/api/events?worker=" + worker).json().path("items").size()).isEqualTo(1);
    }

    @Test
    void aMalformedKey_is400() {
        for (String key : List.of("x".repeat(256), "with space", "tab\there")) {
            Http.Reply reply = asWorker.withHeader("Idempotency-Key", key).post("/api/tasks",
                    Http.json(Payloads.task(worker, "2023-03-01")));
            assertFieldProblem(reply, 400, "Idempotency-Key");
        }
        assertThat(tasksOf(worker)).isZero();
    }

    /** A key that is present but empty or only spaces is malformed, not absent, on every write that takes one. */
    @Test
    void aBlankKey_is400_onEveryWrite() {
        Map<String, String> writes = Map.of(
                "/api/tasks", Http.json(Payloads.task(worker, "2023-03-01")),
                "/api/tasks/batch", Http.json(Map.of("tasks", List.of(Payloads.task(worker, "2023-03-02")))),
                "/api/events", Http.json(Payloads.event(worker, "2023-03-03", "adopted a tool")));
        for (String key : List.of("", " ", "   ")) {
            writes.forEach((path, body) -> assertFieldProblem(
                    asWorker.withHeader("Idempotency-Key", key).post(path, body), 400, "Idempotency-Key"));
        }
        assertThat(tasksOf(worker)).isZero();
        assertThat(admin.get("/api/events?worker=" + worker).json().path("items").size()).isZero();
    }

    @Test
    void aKeyRetriedInParallel_writesOnce_andEveryAnswerIsTheFirstOrA409() throws Exception {
        Http keyed = asWorker.withHeader("Idempotency-Key", UUID.randomUUID().toString());
        String body = Http.json(Payloads.task(worker, "2023-03-01"));
        List<Http.Reply> answers = AtOnce.each(Collections.nCopies(12, body), json -> keyed.post("/api/tasks", json));

        List<Http.Reply> created = answers.stream().filter(reply -> reply.status() == 201).toList();
        assertThat(created).isNotEmpty();
        assertThat(created).extracting(Http.Reply::body).containsOnly(created.get(0).body());
        assertThat(answers).allMatch(reply -> reply.status() == 201 || reply.status() == 409,
                "201 or 409");
        answers.stream().filter(reply -> reply.status() == 409).forEach(reply -> assertProblem(reply, 409));
        assertThat(tasksOf(worker)).isEqualTo(1);
        Http.Reply after = keyed.post("/api/tasks", body);
        assertThat(after.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(Map.of("id", after.json().path("id").asLong())).isEqualTo(Map.of("id",
                admin.get("/api/tasks?worker=" + worker).json().path("items").get(0).path("id").asLong()));
    }
}
