package org.craftline.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.craftline.testing.Payloads.step;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.craftline.CraftlineConfiguration;
import org.craftline.testing.AtOnce;
import org.craftline.testing.Http;
import org.craftline.testing.Payloads;
import org.craftline.testing.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Single tasks sent at the same moment are written together ({@code db/GroupCommit}); each request
 * must still get its own task back, stored as sent, and a request that cannot be written fails
 * alone.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ConcurrentCreatesTest {

    static final DropwizardAppExtension<CraftlineConfiguration> APP = TestApp.extension();

    private static final int WORKERS = 4;
    private static final int REQUESTS = 32;
    private static final String FULL_DAY = "2023-03-20";

    @Test
    void tasksSentAtOnce_eachComeBackAsTheirOwn_andAFullDayFailsOnlyItsRequest() throws Exception {
        Http http = TestApp.admin(APP);
        List<String> workers = new ArrayList<>();
        for (int i = 0; i < WORKERS; i++) {
            workers.add(TestApp.uniqueHandle("rush"));
            TestApp.createWorker(http, workers.get(i));
        }
        String full = workers.get(0);
        assertThat(http.post("/api/tasks", Http.json(Payloads.task(full, FULL_DAY, step("sculpt", 1430, "CRAFT"))))
                .status()).isEqualTo(201);
        List<Map<String, Object>> sent = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            // Request 0 asks 20 minutes of a day with 10 left; every other fits.
            String date = i == 0 ? FULL_DAY : "2023-03-" + (10 + i % 8);
            Map<String, Object> task = new HashMap<>(Payloads.task(workers.get(i % WORKERS), date,
                    step("step of " + i, 20 + i, i % 2 == 0 ? "CRAFT" : "EXECUTION")));
            task.put("title", "task " + i);
            sent.add(task);
        }

        List<Http.Reply> replies = AtOnce.each(sent, task -> http.post("/api/tasks", Http.json(task)));

        assertThat(replies.get(0).status()).isEqualTo(422);
        assertThat(replies.get(0).json().path("errors").get(0).path("field").asText()).isEqualTo("steps");
        Set<Long> ids = new HashSet<>();
        for (int i = 1; i < REQUESTS; i++) {
            Http.Reply reply = replies.get(i);
            assertThat(reply.status()).as("request %d", i).isEqualTo(201);
            JsonNode task = reply.json();
            assertThat(task.path("title").asText()).isEqualTo("task " + i);
            assertThat(task.path("worker").asText()).isEqualTo(workers.get(i % WORKERS));
            assertThat(task.path("steps").get(0).path("activity").asText()).isEqualTo("step of " + i);
            assertThat(reply.header("Location")).endsWith("/tasks/" + task.path("id").asLong());
            ids.add(task.path("id").asLong());
            JsonNode stored = http.get("/api/tasks/" + task.path("id").asLong()).json();
            assertThat(stored).isEqualTo(task);
        }
        assertThat(ids).hasSize(REQUESTS - 1);
        var day = http.get("/api/tasks?worker=" + full + "&from=" + FULL_DAY + "&to=" + FULL_DAY).json();
        assertThat(day.path("items")).hasSize(1);
    }

    /**
     * Idempotency keys inside a rush: a key sent again with its first body gets the first answer
     * back, a key sent again with another body is refused, and the fresh keys around them are each
     * written once, whichever group they fall in.
     */
    @Test
    void keysSentAtOnce_replayOrRefuseAlone_andTheOthersAreWrittenOnce() throws Exception {
        Http http = TestApp.admin(APP);
        String worker = TestApp.uniqueHandle("keyed");
        TestApp.createWorker(http, worker);
        String replayed = Http.json(Payloads.task(worker, "2023-04-01", step("first", 30, "CRAFT")));
        Http.Reply first = http.withHeader("Idempotency-Key", "replayed-key").post("/api/tasks", replayed);
        assertThat(first.status()).isEqualTo(201);
        assertThat(http.withHeader("Idempotency-Key", "reused-key").post("/api/tasks",
                Http.json(Payloads.task(worker, "2023-04-01", step("earlier", 30, "CRAFT")))).status()).isEqualTo(201);
        List<Keyed> rush = new ArrayList<>();
        rush.add(new Keyed("replayed-key", replayed));
        rush.add(new Keyed("reused-key", Http.json(Payloads.task(worker, "2023-04-01", step("other", 40, "CRAFT")))));
        for (int i = 2; i < REQUESTS; i++) {
            rush.add(new Keyed("fresh-" + i, Http.json(Payloads.task(worker, "2023-04-0" + (2 + i % 5),
                    step("fresh " + i, 10, "EXECUTION")))));
        }

        List<Http.Reply> replies = AtOnce.each(rush,
                keyed -> http.withHeader("Idempotency-Key", keyed.key()).post("/api/tasks", keyed.body()));

        assertThat(replies.get(0).status()).isEqualTo(201);
        assertThat(replies.get(0).header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replies.get(0).json()).isEqualTo(first.json());
        assertThat(replies.get(1).status()).isEqualTo(422);
        assertThat(replies.get(1).json().path("errors").get(0).path("field").asText()).isEqualTo("Idempotency-Key");
        for (int i = 2; i < REQUESTS; i++) {
            assertThat(replies.get(i).status()).as("request %d", i).isEqualTo(201);
            assertThat(replies.get(i).header("Idempotent-Replayed")).as("request %d", i).isNull();
            assertThat(replies.get(i).json().path("steps").get(0).path("activity").asText()).isEqualTo("fresh " + i);
        }
        var stored = http.get("/api/tasks?worker=" + worker + "&limit=100").json().path("items");
        assertThat(stored).hasSize(REQUESTS);
    }

    /** A body sent with its Idempotency-Key. */
    private record Keyed(String key, String body) {
    }
}
