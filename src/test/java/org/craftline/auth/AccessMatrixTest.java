package org.craftline.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.craftline.testing.ProblemAssert.assertProblem;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;
import org.craftline.CraftlineConfiguration;
import org.craftline.testing.Http;
import org.craftline.testing.Payloads;
import org.craftline.testing.TestApp;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every route against every kind of caller, through real HTTP. The data always belongs to worker
 * "self"; "other" is a second worker. Routes that change data get a fresh target for each caller.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class AccessMatrixTest {

    static final DropwizardAppExtension<CraftlineConfiguration> APP = TestApp.extension();

    enum Who { NO_TOKEN, MALFORMED, REVOKED, EXPIRED, WORKER_SELF, WORKER_OTHER, ANALYST, ADMIN }

    static Http admin;
    static String self;
    static String other;
    static String team;
    static String selfTask;
    static String selfEvent;
    static final Map<Who, Http> CLIENTS = new java.util.EnumMap<>(Who.class);
    static final AtomicInteger DAYS = new AtomicInteger();

    @BeforeAll
    static void fixture() {
        admin = TestApp.admin(APP);
        team = TestApp.uniqueHandle("team");
        self = createWorker("self");
        other = createWorker("other");
        String analyst = createWorker("analyst");
        Http anonymous = new Http(APP.getLocalPort());

        String revoked = TestApp.token(admin, self, "WORKER");
        String expiring = TestApp.token(admin, self, "WORKER");
        revoke(revoked);
        TestApp.jdbi(APP.getConfiguration())
                .useHandle(h -> h.execute("UPDATE api_tokens SET expires_at = ? WHERE token_hash = ?",
                        java.time.Instant.parse("2020-01-01T00:00:00Z"), Tokens.hash(expiring)));

        CLIENTS.put(Who.NO_TOKEN, anonymous);
        CLIENTS.put(Who.MALFORMED, anonymous.withAuthorization("Bearer"));
        CLIENTS.put(Who.REVOKED, anonymous.as(revoked));
        CLIENTS.put(Who.EXPIRED, anonymous.as(expiring));
        CLIENTS.put(Who.WORKER_SELF, TestApp.signedIn(admin, self, "WORKER"));
        CLIENTS.put(Who.WORKER_OTHER, TestApp.signedIn(admin, other, "WORKER"));
        CLIENTS.put(Who.ANALYST, TestApp.signedIn(admin, analyst, "ANALYST"));
        CLIENTS.put(Who.ADMIN, admin);

        selfTask = newTask();
        selfEvent = newEvent();
    }

    private static String createWorker(String prefix) {
        String handle = TestApp.uniqueHandle(prefix);
        Map<String, Object> worker = Payloads.worker(handle);
        worker.put("team", team);
        TestApp.createWorker(admin, worker);
        return handle;
    }

    private static void revoke(String token) {
        long id = new Http(APP.getLocalPort()).as(token).get("/api/me").json().path("tokenId").asLong();
        assertThat(admin.delete("/api/tokens/" + id).status()).isEqualTo(204);
    }

    /** A task body for "self" on a day no other test request uses, so no day fills up. */
    private static String taskBody(boolean withWorker) {
        Map<String, Object> task = Payloads.task(self, LocalDate.of(2020, 1, 1).plusDays(DAYS.incrementAndGet()).toString());
        if (!withWorker) {
            task.remove("worker");
        }
        return Http.json(task);
    }

    private static String newTask() {
        return admin.post("/api/tasks", taskBody(true)).json().path("id").asText();
    }

    private static String newEvent() {
        return admin.post("/api/events", Http.json(Payloads.event(self, "2023-03-15", "adopted a tool")))
                .json().path("id").asText();
    }

    private static String newTokenId() {
        String token = TestApp.token(admin, self, "WORKER");
        return new Http(APP.getLocalPort()).as(token).get("/api/me").json().path("tokenId").asText();
    }

    /** A route: how to call it with a client, and the status each authenticated caller must get. */
    record Route(String name, Function<Http, Http.Reply> call, int self, int other, int analyst, int admin) {
        int expected(Who who) {
            return switch (who) {
                case NO_TOKEN, MALFORMED, REVOKED, EXPIRED -> 401;
                case WORKER_SELF -> self;
                case WORKER_OTHER -> other;
                case ANALYST -> analyst;
                case ADMIN -> admin;
            };
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static List<Route> routes() {
        return List.of(
                new Route("GET /api/me", c -> c.get("/api/me"), 200, 200, 200, 200),
                new Route("POST /api/workers", c -> c.post("/api/workers",
                        Http.json(Payloads.worker(TestApp.uniqueHandle("new")))), 403, 403, 403, 201),
                new Route("GET /api/workers", c -> c.get("/api/workers"), 403, 403, 403, 200),
                new Route("GET /api/me/timer", c -> c.get("/api/me/timer"), 200, 200, 403, 403),
                new Route("PUT then DELETE /api/me/timer", c -> {
                    Http.Reply started = c.put("/api/me/timer", "{\"activity\": \"a\", \"mode\": \"CRAFT\"}", null);
                    return started.status() == 200 ? c.delete("/api/me/timer?save=false") : started;
                }, 204, 204, 403, 403),
                new Route("GET /api/teams", c -> c.get("/api/teams"), 403, 403, 200, 200),
                new Route("GET /api/workers/{self}", c -> c.get("/api/workers/" + self), 200, 404, 403, 200),
                new Route("POST /api/workers/{self}/tokens", c -> c.post("/api/workers/" + self + "/tokens", "{}"),
                        201, 404, 403, 201),
                new Route("GET /api/workers/{self}/tokens", c -> c.get("/api/workers/" + self + "/tokens"),
                        200, 404, 403, 200),
                new Route("GET /api/workers/{self}/rules", c -> c.get("/api/workers/" + self + "/rules"),
                        200, 404, 403, 200),
                new Route("PUT /api/workers/{self}/rules", c -> c.put("/api/workers/" + self + "/rules",
                        "{\"rules\": []}", "*"), 200, 404, 403, 200),
                new Route("POST /api/workers/{self}/rules/from-activitywatch", c -> c.post("/api/workers/" + self
                        + "/rules/from-activitywatch", "{\"categories\": [], \"modes\": {}}"), 200, 404, 403, 200),
                // Into the team they are already in: the answer, not a move, is what is checked here.
                new Route("PUT /api/workers/{self}/team", c -> c.put("/api/workers/" + self + "/team",
                        "{\"team\":\"" + team + "\"}", null), 403, 403, 403, 200),
                new Route("DELETE /api/tokens/{self's}", c -> c.delete("/api/tokens/" + newTokenId()), 204, 404, 403, 204),
                new Route("POST /api/tasks", c -> c.post("/api/tasks", taskBody(true)), 201, 403, 403, 201),
                new Route("GET /api/tasks?worker={self}", c -> c.get("/api/tasks?worker=" + self), 200, 200, 403, 200),
                new Route("GET /api/tasks/{self's}", c -> c.get("/api/tasks/" + selfTask), 200, 404, 403, 200),
                new Route("PUT /api/tasks/{self's}", c -> c.put("/api/tasks/" + newTask(), taskBody(false), "\"v1\""),
                        200, 404, 403, 200),
                new Route("DELETE /api/tasks/{self's}", c -> c.delete("/api/tasks/" + newTask()), 204, 404, 403, 204),
                new Route("POST /api/events", c -> c.post("/api/events",
                        Http.json(Payloads.event(self, "2023-03-15", "x"))), 201, 403, 403, 201),
                new Route("GET /api/events?worker={self}", c -> c.get("/api/events?worker=" + self), 200, 200, 403, 200),
                new Route("GET /api/events/{self's}", c -> c.get("/api/events/" + selfEvent), 200, 404, 403, 200),
                new Route("DELETE /api/events/{self's}", c -> c.delete("/api/events/" + newEvent()), 204, 404, 403, 204),
                new Route("POST /api/imports/activitywatch?worker={self}", c -> c.postBytes(
                        "/api/imports/activitywatch?zone=UTC&worker=" + self, "application/json",
                        "{\"buckets\": {}}".getBytes(StandardCharsets.UTF_8)), 200, 403, 403, 200),
                new Route("POST /api/imports/wakatime?worker={self}", c -> c.postBytes(
                        "/api/imports/wakatime?zone=UTC&worker=" + self, "application/json",
                        "{\"days\": []}".getBytes(StandardCharsets.UTF_8)), 200, 403, 403, 200),
                new Route("GET report worker={self}", c -> c.get("/api/reports/deskilling?worker=" + self
                        + "&from=2023-01-01&to=2023-03-31"), 200, 404, 403, 200),
                new Route("GET report team={team}", c -> c.get("/api/reports/deskilling?team=" + team
                        + "&from=2023-01-01&to=2023-03-31"), 403, 403, 200, 200));
    }

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (Route route : routes()) {
            for (Who who : Who.values()) {
                cases.add(Arguments.of(route, who));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("cases")
    void route_answersEachCallerAsItsRoleAllows(Route route, Who who) {
        Http.Reply reply = route.call().apply(CLIENTS.get(who));

        int expected = route.expected(who);
        if (expected >= 400) {
            assertProblem(reply, expected);
        } else {
            assertThat(reply.status()).as(reply.body()).isEqualTo(expected);
        }
        if (expected == 401) {
            assertThat(reply.header("WWW-Authenticate")).startsWith("Bearer");
        }
    }
}
