package org.craftline.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.craftline.testing.ProblemAssert.assertFieldProblem;
import static org.craftline.testing.ProblemAssert.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.LinkedHashMap;
import java.util.Map;
import org.craftline.CraftlineConfiguration;
import org.craftline.testing.Http;
import org.craftline.testing.Payloads;
import org.craftline.testing.TestApp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DropwizardExtensionsSupport.class)
class WorkerApiTest {

    static final DropwizardAppExtension<CraftlineConfiguration> APP = TestApp.extension();

    Http http;

    @BeforeEach
    void connect() {
        http = TestApp.admin(APP);
    }

    @Test
    void create_returns201WithLocationAndTheWorker() {
        String handle = TestApp.uniqueHandle("ana");

        Http.Reply reply = http.post("/api/workers", Http.json(Payloads.worker(handle)));

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.header("Location")).endsWith("/api/workers/" + handle);
        JsonNode worker = reply.json();
        assertThat(worker.path("handle").asText()).isEqualTo(handle);
        assertThat(worker.path("displayName").asText()).isEqualTo("Test " + handle);
        assertThat(worker.path("onetSoc").asText()).isEqualTo("27-1014.00");
        assertThat(worker.path("team").asText()).isEqualTo("environment-art");
        assertThat(worker.path("createdAt").asText()).endsWith("Z");
        assertThat(worker.has("id")).as("the internal id stays inside").isFalse();
    }

    @Test
    void teams_areListedByName_withTheirMemberCounts_forAnAnalyst() {
        String team = TestApp.uniqueHandle("props");
        for (String prefix : new String[] {"tia", "tom"}) {
            Map<String, Object> body = new LinkedHashMap<>(Payloads.worker(TestApp.uniqueHandle(prefix)));
            body.put("team", team);
            TestApp.createWorker(http, body);
        }
        String researcher = TestApp.uniqueHandle("researcher");
        TestApp.createWorker(http, researcher);
        Http analyst = TestApp.signedIn(http, researcher, "ANALYST");

        Http.Reply reply = analyst.get("/api/teams");

        assertThat(reply.status()).isEqualTo(200);
        JsonNode teams = reply.json().path("teams");
        JsonNode props = null;
        for (JsonNode each : teams) {
            if (each.path("name").asText().equals(team)) {
                props = each;
            }
        }
        assertThat(props).as(reply.body()).isNotNull();
        assertThat(props.path("members").asInt()).isEqualTo(2);
        assertThat(teams.findValuesAsText("name")).isSorted().doesNotContainNull();
        assertThat(reply.body()).as("counts, never who").doesNotContain("tia-", "tom-");
    }

    @Test
    void get_returnsWhatWasCreated() {
        String handle = TestApp.uniqueHandle("ben");
        TestApp.createWorker(http, handle);

        Http.Reply reply = http.get("/api/workers/" + handle);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("handle").asText()).isEqualTo(handle);
    }

    @Test
    void list_containsCreatedWorkersInHandleOrder() {
        String first = "a0-" + TestApp.uniqueHandle("x");
        String second = "a1-" + TestApp.uniqueHandle("x");
        TestApp.createWorker(http, second);
        TestApp.createWorker(http, first);

        Http.Reply reply = http.get("/api/workers");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("items").findValuesAsText("handle")).containsSubsequence(first, second);
    }

    @Test
    void list_saysTheLastDayEachWorkerLoggedWorkOn() {
        String busy = TestApp.uniqueHandle("busy");
        String idle = TestApp.uniqueHandle("idle");
        TestApp.createWorker(http, busy);
        TestApp.createWorker(http, idle);
        for (String date : new String[] {"2023-03-20", "2023-03-14"}) {
            assertThat(http.post("/api/tasks", Http.json(Payloads.task(busy, date))).status()).isEqualTo(201);
        }

        JsonNode items = http.get("/api/workers").json().path("items");

        JsonNode busyItem = null;
        JsonNode idleItem = null;
        for (JsonNode item : items) {
            busyItem = item.path("handle").asText().equals(busy) ? item : busyItem;
            idleItem = item.path("handle").asText().equals(idle) ? item : idleItem;
        }
        assertThat(busyItem.path("lastDayLogged").asText()).isEqualTo("2023-03-20");
        assertThat(busyItem.path("displayName").asText()).as("the worker's own fields, as before").isEqualTo("Test " + busy);
        assertThat(busyItem.has("worker")).isFalse();
        assertThat(idleItem.path("lastDayLogged").isNull()).isTrue();
    }

    @Test
    void get_unknownHandle_returns404Problem() {
        assertProblem(http.get("/api/workers/nobody-here"), 404);
    }

    @Test
    void create_duplicateHandle_returns409AndKeepsTheFirst() {
        String handle = TestApp.uniqueHandle("dup");
        TestApp.createWorker(http, handle);
        Map<String, Object> second = Payloads.worker(handle);
        second.put("displayName", "Impostor");

        assertProblem(http.post("/api/workers", Http.json(second)), 409);

        assertThat(http.get("/api/workers/" + handle).json().path("displayName").asText()).isEqualTo("Test " + handle);
    }

    @Test
    void create_invalidHandle_returns422NamingTheField() {
        Map<String, Object> worker = Payloads.worker("Not A Handle!");

        assertFieldProblem(http.post("/api/workers", Http.json(worker)), 422, "handle");

        assertThat(http.get("/api/workers").body()).doesNotContain("Not A Handle!");
    }

    @Test
    void create_missingDisplayName_returns422() {
        Map<String, Object> worker = Payloads.worker(TestApp.uniqueHandle("nd"));
        worker.remove("displayName");

        assertFieldProblem(http.post("/api/workers", Http.json(worker)), 422, "displayName");
    }

    @Test
    void create_malformedOnetSoc_returns422() {
        Map<String, Object> worker = Payloads.worker(TestApp.uniqueHandle("soc"));
        worker.put("onetSoc", "artist");

        assertFieldProblem(http.post("/api/workers", Http.json(worker)), 422, "onetSoc");
    }
}
