package org.craftline.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.craftline.testing.Payloads.step;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.DropwizardTestSupport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.craftline.CraftlineConfiguration;
import org.craftline.testing.Http;
import org.craftline.testing.Payloads;
import org.craftline.testing.ProcessLevel;
import org.craftline.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two application instances on one database, as behind a load balancer: whatever one writes, the
 * other reads, and no rule depends on memory held by one instance (caches, counters, locks).
 * On the PostgreSQL run this is two servers on one PostgreSQL database.
 */
@ProcessLevel
class MultiInstanceTest {

    static DropwizardTestSupport<CraftlineConfiguration> first;
    static DropwizardTestSupport<CraftlineConfiguration> second;

    Http one;
    Http two;
    String worker;

    @BeforeAll
    static void startBoth() throws Exception {
        Path database = TestApp.newDatabaseFile();
        first = TestApp.support(database);
        second = TestApp.support(database);
        first.before();
        second.before();
    }

    @AfterAll
    static void stopBoth() {
        second.after();
        first.after();
    }

    @BeforeEach
    void newWorker() {
        one = new Http(first.getLocalPort()).as(TestApp.ADMIN_TOKEN);
        two = new Http(second.getLocalPort()).as(TestApp.ADMIN_TOKEN);
        worker = TestApp.uniqueHandle("both");
        TestApp.createWorker(one, worker);
    }

    @Test
    void writesThroughOne_areReadThroughTheOther() {
        String id = one.post("/api/tasks", Http.json(Payloads.task(worker, "2023-03-01"))).json().path("id").asText();
        one.post("/api/events", Http.json(Payloads.event(worker, "2023-03-15", "adopted Midjourney v5")));

        assertThat(two.get("/api/workers/" + worker).status()).isEqualTo(200);
        assertThat(two.get("/api/tasks/" + id).json().path("totalMinutes").asInt()).isEqualTo(90);
        assertThat(two.get("/api/events?worker=" + worker).json().path("items")).hasSize(1);
        assertThat(two.get("/api/reports/deskilling?worker=" + worker + "&from=2023-02-27&to=2023-03-05").body())
                .isEqualTo(one.get("/api/reports/deskilling?worker=" + worker + "&from=2023-02-27&to=2023-03-05").body());
    }

    @Test
    void versions_areCheckedAcrossInstances() {
        String id = one.post("/api/tasks", Http.json(Payloads.task(worker, "2023-03-02"))).json().path("id").asText();

        assertThat(two.put("/api/tasks/" + id, Http.json(Payloads.task(worker, "2023-03-02")), "\"v1\"").status())
                .isEqualTo(200);
        assertThat(one.put("/api/tasks/" + id, Http.json(Payloads.task(worker, "2023-03-02")), "\"v1\"").status())
                .isEqualTo(412);
        assertThat(one.get("/api/tasks/" + id).header("ETag")).isEqualTo("\"v2\"");
    }

    @Test
    void idsFromBothInstances_areUniqueAndRising() {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Http instance = i % 2 == 0 ? one : two;
            ids.add(instance.post("/api/tasks", Http.json(Payloads.task(worker, "2023-03-0" + (i + 3))))
                    .json().path("id").asLong());
        }

        assertThat(ids).doesNotHaveDuplicates().isSorted();
    }

    @Test
    void tokensMadeOnOne_workAndAreRevokedOnTheOther() {
        String token = TestApp.token(one, worker, "WORKER");
        Http viaTwo = new Http(second.getLocalPort()).as(token);
        long tokenId = viaTwo.get("/api/me").json().path("tokenId").asLong();

        assertThat(one.delete("/api/tokens/" + tokenId).status()).isEqualTo(204);

        assertThat(viaTwo.get("/api/me").status()).isEqualTo(401);
    }

    @Test
    void cursorsFromOne_pageOnTheOther() {
        for (int day = 10; day < 15; day++) {
            one.post("/api/tasks", Http.json(Payloads.task(worker, "2023-04-" + day)));
        }
        JsonNode page = one.get("/api/tasks?worker=" + worker + "&limit=3").json();

        JsonNode rest = two.get("/api/tasks?worker=" + worker + "&limit=3&cursor=" + page.path("nextCursor").asText()).json();

        assertThat(page.path("items").findValuesAsText("date")).containsExactly("2023-04-14", "2023-04-13", "2023-04-12");
        assertThat(rest.path("items").findValuesAsText("date")).containsExactly("2023-04-11", "2023-04-10");
    }

    @Test
    void theDayLimit_holdsWhenRequestsRaceThroughBothInstances() throws Exception {
        String body = Http.json(Payloads.task(worker, "2023-05-01", step("prompt", 200, "EXECUTION")));
        List<CompletableFuture<Integer>> replies = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Http instance = i % 2 == 0 ? one : two;
            replies.add(CompletableFuture.supplyAsync(() -> instance.post("/api/tasks", body).status()));
        }
        List<Integer> statuses = new ArrayList<>();
        for (CompletableFuture<Integer> reply : replies) {
            statuses.add(reply.get());
        }

        assertThat(statuses).containsOnly(201, 422);
        assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(7);
        assertThat(two.get("/api/tasks?worker=" + worker + "&from=2023-05-01&to=2023-05-01").json().path("items"))
                .hasSize(7);
    }

    /**
     * One Idempotency-Key sent 20 times at once, split across both instances, on every write that
     * takes a key: each answer is the first answer (201, replayed or not) or 409 while the first is
     * in flight, never anything else, and exactly one thing is written.
     */
    @Test
    void oneKeyRacedThroughBothInstances_writesOnce_andAnswersTheFirstAnswerOrA409() throws Exception {
        Map<String, String> writes = Map.of(
                "/api/tasks", Http.json(Payloads.task(worker, "2023-06-01")),
                "/api/tasks/batch", Http.json(Map.of("tasks", List.of(Payloads.task(worker, "2023-06-02")))),
                "/api/events", Http.json(Payloads.event(worker, "2023-06-03", "adopted a tool")));
        for (Map.Entry<String, String> write : writes.entrySet()) {
            String key = "race-" + UUID.randomUUID();
            List<CompletableFuture<Http.Reply>> replies = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                Http instance = (i % 2 == 0 ? one : two).withHeader("Idempotency-Key", key);
                replies.add(CompletableFuture.supplyAsync(() -> instance.post(write.getKey(), write.getValue())));
            }
            Map<Integer, Long> statuses = new TreeMap<>();
            Set<String> bodies = new HashSet<>();
            for (CompletableFuture<Http.Reply> reply : replies) {
                Http.Reply answer = reply.get();
                statuses.merge(answer.status(), 1L, Long::sum);
                if (answer.status() == 201) {
                    bodies.add(answer.body());
                } else if (answer.status() == 409) {
                    assertThat(answer.body()).as("%s: a 409 says the first is in flight", write.getKey())
                            .contains("still being processed");
                }
            }
            System.out.println("One Idempotency-Key, 20 requests through two instances, " + write.getKey() + ": " + statuses);
            assertThat(statuses.keySet()).as("%s: answers %s", write.getKey(), statuses).containsAnyOf(201)
                    .isSubsetOf(201, 409);
            assertThat(bodies).as("%s: every 201 is the first answer", write.getKey()).hasSize(1);
        }
        assertThat(one.get("/api/tasks?worker=" + worker + "&from=2023-06-01&to=2023-06-02").json().path("items"))
                .hasSize(2);
        assertThat(one.get("/api/events?worker=" + worker).json().path("items")).hasSize(1);
    }
}
