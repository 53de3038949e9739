package org.craftline.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.Map;
import org.craftline.CraftlineConfiguration;
import org.craftline.testing.Http;
import org.craftline.testing.Payloads;
import org.craftline.testing.TestApp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A worker token sees and changes only its own worker's rows, and cannot tell others' rows exist. */
@ExtendWith(DropwizardExtensionsSupport.class)
class WorkerIsolationTest {

    static final DropwizardAppExtension<CraftlineConfiguration> APP = TestApp.extension();

    Http admin;
    String alice;
    String bob;
    Http asAlice;
    Http asBob;

    @BeforeEach
    void twoWorkers() {
        admin = TestApp.admin(APP);
        alice = TestApp.uniqueHandle("alice");
        bob = TestApp.uniqueHandle("bob");
        TestApp.createWorker(admin, alice);
        TestApp.createWorker(admin, bob);
        asAlice = TestApp.signedIn(admin, alice, "WORKER");
        asBob = TestApp.signedIn(admin, bob, "WORKER");
    }

    private static String withoutDate(Http.Reply reply) {
        return reply.status() + " " + reply.contentType() + " " + reply.body();
    }

    @Test
    void anotherWorkersTask_answersExactlyLikeAMissingOne() {
        String id = asAlice.post("/api/tasks", Http.json(Payloads.task(null, "2023-03-01"))).json().path("id").asText();

        String get = withoutDate(asBob.get("/api/tasks/" + id));
        String put = withoutDate(asBob.put("/api/tasks/" + id, Http.json(Payloads.task(null, "2023-03-01")), "\"v1\""));
        String delete = withoutDate(asBob.delete("/api/tasks/" + id));
        admin.delete("/api/tasks/" + id);

        assertThat(get).isEqualTo(withoutDate(asBob.get("/api/tasks/" + id))).startsWith("404");
        assertThat(put).isEqualTo(withoutDate(asBob.put("/api/tasks/" + id, Http.json(Payloads.task(null, "2023-03-01")), "\"v1\"")));
        assertThat(delete).isEqualTo(withoutDate(asBob.delete("/api/tasks/" + id)));
    }

    @Test
    void anotherWorkersEvent_answersExactlyLikeAMissingOne() {
        String id = asAlice.post("/api/events", Http.json(Payloads.event(null, "2023-03-15", "x"))).json().path("id").asText();

        String get = withoutDate(asBob.get("/api/events/" + id));
        String delete = withoutDate(asBob.delete("/api/events/" + id));
        admin.delete("/api/events/" + id);

        assertThat(get).isEqualTo(withoutDate(asBob.get("/api/events/" + id))).startsWith("404");
        assertThat(delete).isEqualTo(withoutDate(asBob.delete("/api/events/" + id)));
    }

    @Test
    void anotherWorkersProfileAndReport_answerLikeAnUnknownHandle() {
        assertThat(withoutDate(asBob.get("/api/workers/" + alice)))
                .isEqualTo(withoutDate(asBob.get("/api/workers/" + alice + "x")).replace(alice + "x", alice));
        assertThat(asBob.get("/api/reports/deskilling?worker=" + alice).status()).isEqualTo(404);
    }

    @Test
    void lists_showOnlyTheCallersRowsWhateverTheFilterSays() {
        asAlice.post("/api/tasks", Http.json(Payloads.task(null, "2023-03-01")));
        asAlice.post("/api/events", Http.json(Payloads.event(null, "2023-03-15", "alice's")));
        asBob.post("/api/tasks", Http.json(Payloads.task(null, "2023-03-02")));

        assertThat(asBob.get("/api/tasks?worker=" + alice).json().path("items").findValuesAsText("worker"))
                .containsExactly(bob);
        assertThat(asBob.get("/api/tasks").json().path("items").findValuesAsText("worker")).containsExactly(bob);
        assertThat(asBob.get("/api/events?worker=" + alice).json().path("items")).isEmpty();
    }

    @Test
    void bodyNamingAnotherWorker_isRefusedAndWritesNothing() {
        Map<String, Object> task = Payloads.task(alice, "2023-03-03");

        assertThat(asBob.post("/api/tasks", Http.json(task)).status()).isEqualTo(403);
        assertThat(asBob.post("/api/events", Http.json(Payloads.event(alice, "2023-03-03", "x"))).status()).isEqualTo(403);
        assertThat(admin.get("/api/tasks?worker=" + alice).json().path("items")).isEmpty();
        assertThat(admin.get("/api/events?worker=" + alice).json().path("items")).isEmpty();
    }

    @Test
    void workerOmittingTheWorkerField_logsForThemselves() {
        Http.Reply created = asAlice.post("/api/tasks", Http.json(Payloads.task(null, "2023-03-04")));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("worker").asText()).isEqualTo(alice);
    }
}
