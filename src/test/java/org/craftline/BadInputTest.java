package org.craftline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.craftline.testing.Payloads.step;
import static org.craftline.testing.ProblemAssert.assertFieldProblem;
import static org.craftline.testing.ProblemAssert.assertProblem;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.craftline.testing.Http;
import org.craftline.testing.Payloads;
import org.craftline.testing.SharedApp;
import org.craftline.testing.SharedApp.Admin;
import org.craftline.testing.SharedApp.FreshWorker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every kind of bad input the API must refuse: a clear 4xx problem, never a 500, and nothing
 * written. Each case runs against a fresh worker whose task list must stay empty.
 */
class BadInputTest {

    @RegisterExtension
    static final SharedApp API = SharedApp.withWorkersNamed("bad");

    @Admin
    Http http;
    @FreshWorker
    String worker;

    private void assertNothingWritten() {
        Http.Reply tasks = http.get("/api/tasks?worker=" + worker);
        assertThat(tasks.status()).isEqualTo(200);
        assertThat(tasks.json().path("items")).isEmpty();
        assertThat(http.get("/api/reports/deskilling?worker=" + worker + "&from=2023-03-01&to=2023-03-31")
                .json().path("series").findValuesAsText("totalMinutes")).containsOnly("0");
    }

    /** A valid task body for the test's worker, broken by {@code change}. */
    private String taskWith(Consumer<Map<String, Object>> change) {
        Map<String, Object> task = Payloads.task(worker, "2023-03-15");
        change.accept(task);
        return Http.json(task);
    }

    static Stream<Arguments> brokenTasks() {
        return Stream.of(
                Arguments.of("no worker", (Consumer<Map<String, Object>>) t -> t.remove("worker"), "worker"),
                Arguments.of("unknown worker", (Consumer<Map<String, Object>>) t -> t.put("worker", "no-such-worker"), "worker"),
                Arguments.of("no date", (Consumer<Map<String, Object>>) t -> t.remove("date"), "date"),
                Arguments.of("malformed date", (Consumer<Map<String, Object>>) t -> t.put("date", "15/03/2023"), "date"),
                Arguments.of("impossible date", (Consumer<Map<String, Object>>) t -> t.put("date", "2023-02-30"), "date"),
                Arguments.of("no title", (Consumer<Map<String, Object>>) t -> t.remove("title"), "title"),
                Arguments.of("blank title", (Consumer<Map<String, Object>>) t -> t.put("title", "   "), "title"),
                Arguments.of("no steps", (Consumer<Map<String, Object>>) t -> t.remove("steps"), "steps"),
                Arguments.of("empty steps", (Consumer<Map<String, Object>>) t -> t.put("steps", List.of()), "steps"),
                Arguments.of("null step", (Consumer<Map<String, Object>>) t -> Payloads.steps(t).add(null), "steps[2]"),
                Arguments.of("unknown property", (Consumer<Map<String, Object>>) t -> t.put("colour", "red"), "colour"),
                Arguments.of("unknown step property", (Consumer<Map<String, Object>>) t -> Payloads.steps(t).get(0).put("minutez", 3), "steps[0].minutez"),
                Arguments.of("blank activity", (Consumer<Map<String, Object>>) t -> Payloads.steps(t).get(0).put("activity", " "), "steps[0].activity"),
                Arguments.of("missing activity", (Consumer<Map<String, Object>>) t -> Payloads.steps(t).get(1).remove("activity"), "steps[1].activity"),
                Arguments.of("missing minutes", (Consumer<Map<String, Object>>) t -> Payloads.steps(t).get(0).remove("minutes"), "steps[0].minutes"),
                Arguments.of("zero minutes", (Consumer<Map<String, Object>>) t -> Payloads.steps(t).get(0).put("minutes", 0), "steps[0].minutes"),
                Arguments.of("negative minutes", (Consumer<Map<String, Object>>) t -> Payloads.steps(t).get(0).put("minutes", -30), "steps[0].minutes"),
                Arguments.of("minutes over a day", (Consumer<Map<String, Object>>) t -> Payloads.steps(t).get(0).put("minutes", 1441), "steps[0].minutes"),
                Arguments.of("fractional minutes", (Consumer<Map<String, Object>>) t -> Payloads.steps(t).get(0).put("minutes", 12.5), "steps[0].minutes"),
                Arguments.of("minutes as text", (Consumer<Map<String, Object>>) t -> Payloads.steps(t).get(0).put("minutes", "12"), "steps[0].minutes"),
                Arguments.of("missing mode", (Consumer<Map<String, Object>>) t -> Payloads.steps(t).get(0).remove("mode"), "steps[0].mode"),
                Arguments.of("unknown mode", (Consumer<Map<String, Object>>) t -> Payloads.steps(t).get(1).put("mode", "DRUDGERY"), "steps[1].mode"),
                Arguments.of("unknown mediation", (Consumer<Map<String, Object>>) t -> Payloads.steps(t).get(0).put("mediation", "MAGIC"), "steps[0].mediation"),
                Arguments.of("unknown discretion", (Consumer<Map<String, Object>>) t -> Payloads.steps(t).get(0).put("discretion", "BOSS"), "steps[0].discretion"),
                Arguments.of("activity too long", (Consumer<Map<String, Object>>) t -> Payloads.steps(t).get(0).put("activity", "a".repeat(65)), "steps[0].activity"),
                Arguments.of("101 steps", (Consumer<Map<String, Object>>) t -> t.put("steps", manySteps(101)), "steps"),
                Arguments.of("steps summing past a day", (Consumer<Map<String, Object>>) t -> t.put("steps",
                        List.of(step("sculpt", 1000, "CRAFT"), step("uv", 441, "EXECUTION"))), "steps"));
    }

    private static List<Map<String, Object>> manySteps(int count) {
        List<Map<String, Object>> steps = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            steps.add(step("prompt", 1, "EXECUTION"));
        }
        return steps;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenTasks")
    void create_brokenTask_returns422NamingTheFieldAndWritesNothing(String name,
                                                                    Consumer<Map<String, Object>> change,
                                                                    String field) {
        assertFieldProblem(http.post("/api/tasks", taskWith(change)), 422, field);
        assertNothingWritten();
    }

    @Test
    void create_exactlyOneHundredSteps_isAccepted() {
        assertThat(http.post("/api/tasks", taskWith(t -> t.put("steps", manySteps(100)))).status()).isEqualTo(201);
    }

    @ParameterizedTest(name = "body {0}")
    @ValueSource(strings = {"{\"worker\": ", "not json", "{\"worker\":\"x\"} trailing", "[]", "\"a string\"", "42"})
    void create_malformedJson_returns400(String body) {
        assertProblem(http.post("/api/tasks", body), 400);
        assertNothingWritten();
    }

    @Test
    void create_emptyBody_returns400() {
        assertProblem(http.post("/api/tasks", ""), 400);
        assertProblem(http.send("POST", "/api/tasks", "application/json", null), 400);
        assertNothingWritten();
    }

    @Test
    void create_wrongContentType_returns415() {
        assertProblem(http.send("POST", "/api/tasks", "text/plain", taskWith(t -> { })), 415);
        assertNothingWritten();
    }

    @Test
    void create_bodyOverOneMebibyte_returns413() {
        String huge = taskWith(t -> t.put("notes", "x".repeat(1_100_000)));

        assertProblem(http.post("/api/tasks", huge), 413);
        assertProblem(http.postChunked("/api/tasks", huge), 413);
        assertNothingWritten();
    }

    @Test
    void create_dayAlreadyNearlyFull_returns422AndKeepsTheEarlierTask() {
        assertThat(http.post("/api/tasks", taskWith(t -> t.put("steps", List.of(step("sculpt", 1400, "CRAFT")))))
                .status()).isEqualTo(201);

        assertFieldProblem(http.post("/api/tasks", taskWith(t -> t.put("steps",
                List.of(step("uv", 41, "EXECUTION"))))), 422, "steps");

        assertThat(http.get("/api/tasks?worker=" + worker).json().path("items")).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "/api/tasks?from=2023-03-31&to=2023-03-01",
            "/api/tasks?from=2023-13-01",
            "/api/tasks?to=yesterday",
            "/api/tasks?limit=501",
            "/api/tasks?limit=0",
            "/api/tasks?limit=ten",
            "/api/tasks?mode=DRUDGERY",
            "/api/reports/deskilling?worker=WORKER&from=2023-03-31&to=2023-03-01",
            "/api/reports/deskilling?worker=WORKER&from=2023-02-30",
            "/api/reports/deskilling?worker=WORKER&bucket=fortnight",
            "/api/reports/deskilling?worker=WORKER&from=2015-01-01&to=2023-01-01",
            "/api/reports/deskilling?worker=WORKER&window=1",
            "/api/reports/deskilling?worker=WORKER&window=53",
            "/api/reports/deskilling?worker=WORKER&window=twelve",
            "/api/reports/deskilling?worker=WORKER&format=pdf",
            "/api/reports/deskilling?worker=WORKER&format=svg&width=279",
            "/api/reports/deskilling?worker=WORKER&format=svg&width=2401",
            "/api/reports/deskilling?worker=WORKER&format=svg&width=100%25",
            "/api/reports/deskilling?worker=WORKER&team=environment-art",
            "/api/reports/deskilling?from=2023-01-01"})
    void query_badParameter_returns400(String path) {
        assertProblem(http.get(path.replace("WORKER", worker)), 400);
    }

    @Test
    void event_brokenBodies_return4xxAndWriteNothing() {
        Map<String, Object> noLabel = Payloads.event(worker, "2023-03-15", "x");
        noLabel.remove("label");
        assertFieldProblem(http.post("/api/events", Http.json(noLabel)), 422, "label");
        assertFieldProblem(http.post("/api/events", Http.json(Payloads.event("no-such-worker", "2023-03-15", "x"))),
                422, "worker");
        assertFieldProblem(http.post("/api/events", Http.json(Payloads.event(worker, "March", "x"))), 422, "date");
        assertProblem(http.post("/api/events", "{"), 400);

        assertThat(http.get("/api/events?worker=" + worker).json().path("items")).isEmpty();
    }

    @Test
    void unknownPathAndMethod_areProblemsToo() {
        assertProblem(http.get("/api/nothing-here"), 404);
        Http.Reply wrongMethod = http.send("PATCH", "/api/tasks", "application/json", "{}");
        assertProblem(wrongMethod, 405);
    }
}
