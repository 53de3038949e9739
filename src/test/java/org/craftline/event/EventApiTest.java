package org.craftline.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.craftline.testing.ProblemAssert.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import org.craftline.testing.Http;
import org.craftline.testing.Payloads;
import org.craftline.testing.SharedApp;
import org.craftline.testing.SharedApp.Admin;
import org.craftline.testing.SharedApp.FreshWorker;
import org.craftline.testing.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EventApiTest {

    @RegisterExtension
    static final SharedApp API = SharedApp.withWorkersNamed("ev");

    @Admin
    Http http;
    @FreshWorker
    String worker;

    @Test
    void create_returns201WithLocationAndTheEvent() {
        Http.Reply reply = http.post("/api/events", Http.json(Payloads.event(worker, "2023-03-15", "adopted Midjourney v5")));

        assertThat(reply.status()).isEqualTo(201);
        JsonNode event = reply.json();
        assertThat(reply.header("Location")).endsWith("/api/events/" + event.path("id").asLong());
        assertThat(event.path("worker").asText()).isEqualTo(worker);
        assertThat(event.path("date").asText()).isEqualTo("2023-03-15");
        assertThat(event.path("label").asText()).isEqualTo("adopted Midjourney v5");
        assertThat(event.path("tool").asText()).isEqualTo("Midjourney v5");
        assertThat(http.get("/api/events/" + event.path("id").asLong()).json()).isEqualTo(event);
    }

    @Test
    void list_byWorker_returnsOnlyTheirEventsInDateOrder() {
        String other = TestApp.uniqueHandle("ev-other");
        TestApp.createWorker(http, other);
        http.post("/api/events", Http.json(Payloads.event(worker, "2023-06-01", "studio mandates AI pipeline")));
        http.post("/api/events", Http.json(Payloads.event(worker, "2023-03-15", "adopted Midjourney v5")));
        http.post("/api/events", Http.json(Payloads.event(other, "2023-01-01", "someone else's")));

        Http.Reply reply = http.get("/api/events?worker=" + worker);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("items").findValuesAsText("label"))
                .containsExactly("adopted Midjourney v5", "studio mandates AI pipeline");
    }

    @Test
    void list_unknownWorker_returns404() {
        assertProblem(http.get("/api/events?worker=nobody-at-all"), 404);
    }

    @Test
    void delete_removesTheEvent() {
        long id = http.post("/api/events", Http.json(Payloads.event(worker, "2023-03-15", "x"))).json().path("id").asLong();

        assertThat(http.delete("/api/events/" + id).status()).isEqualTo(204);

        assertProblem(http.get("/api/events/" + id), 404);
        assertProblem(http.delete("/api/events/" + id), 404);
    }
}
