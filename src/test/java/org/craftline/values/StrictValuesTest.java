package org.craftline.values;

import static org.assertj.core.api.Assertions.assertThat;
import static org.craftline.testing.ProblemAssert.assertFieldProblem;

import java.util.List;
import java.util.Map;
import org.craftline.testing.Http;
import org.craftline.testing.Payloads;
import org.craftline.testing.SharedApp;
import org.craftline.testing.SharedApp.Admin;
import org.craftline.testing.SharedApp.FreshWorker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Dates are ISO strings from 1900 to 2200 and text holds only characters XML allows, in bodies and
 * query strings alike: anything else is refused naming its field, never stored as something else.
 */
class StrictValuesTest {

    @RegisterExtension
    static final SharedApp API = SharedApp.withWorkersNamed("strict");

    @Admin
    Http admin;
    @FreshWorker
    String worker;

    private String taskWithDate(String dateJson) {
        return "{\"worker\":\"" + worker + "\",\"date\":" + dateJson + ",\"title\":\"t\","
                + "\"steps\":[{\"activity\":\"sculpt\",\"minutes\":30,\"mode\":\"CRAFT\"}]}";
    }

    @ParameterizedTest
    @ValueSource(strings = {"19000", "[2023,3,1]", "\"0000-01-01\"", "\"-0001-01-01\"", "\"+10000-01-01\"",
            "\"1899-12-31\"", "\"2201-01-01\"", "\"2023-3-1\"", "\"2023-02-30\"", "\"2023-03-01T00:00:00Z\"", "true"})
    void aDateOutsideTheRule_is422NamingIt(String date) {
        assertFieldProblem(admin.post("/api/tasks", taskWithDate(date)), 422, "date");
        assertFieldProblem(admin.post("/api/events", "{\"worker\":\"" + worker + "\",\"date\":" + date
                + ",\"label\":\"x\"}"), 422, "date");
        assertThat(admin.get("/api/tasks?worker=" + worker).json().path("items").size()).isZero();
    }

    @Test
    void theRangesEdges_areStoredAndReadBackAsSent() {
        for (String date : List.of("1900-01-01", "2200-12-31")) {
            Http.Reply created = admin.post("/api/tasks", taskWithDate("\"" + date + "\""));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            assertThat(admin.get(created.header("Location")).json().path("date").asText()).isEqualTo(date);
        }
        assertThat(admin.get("/api/tasks?worker=" + worker + "&from=1900-01-01&to=2200-12-31").json().path("items")
                .size()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0000-01-01", "1899-12-31", "2201-01-01", "99999-01-01", "2023-02-30"})
    void aQueryDateOutsideTheRule_is400NamingIt(String date) {
        assertFieldProblem(admin.get("/api/tasks?worker=" + worker + "&from=" + date), 400, "from");
        assertFieldProblem(admin.get("/api/reports/deskilling?worker=" + worker + "&to=" + date), 400, "to");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"+10000-01-01T00:00:00Z\"", "\"2201-01-01T00:00:00Z\"", "1893456000", "\"2030-01-01\""})
    void aTokensExpiryOutsideTheRule_is422(String expiresAt) {
        assertFieldProblem(admin.post("/api/workers/" + worker + "/tokens", "{\"role\":\"WORKER\",\"expiresAt\":"
                + expiresAt + "}"), 422, "expiresAt");
        Http.Reply far = admin.post("/api/workers/" + worker + "/tokens",
                "{\"role\":\"WORKER\",\"expiresAt\":\"2200-12-31T23:59:59Z\"}");
        assertThat(far.status()).isEqualTo(201);
        assertThat(far.json().path("expiresAt").asText()).isEqualTo("2200-12-31T23:59:59Z");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\u0001", "\\u0000", "\\u001b", "\\ufffe", "\\uffff", "\\ud800", "\\udc00x"})
    void textWithACharacterXmlRefuses_is422NamingTheField(String character) {
        String title = "\"a" + character + "b\"";
        assertFieldProblem(admin.post("/api/tasks", "{\"worker\":\"" + worker + "\",\"date\":\"2023-03-01\",\"title\":"
                + title + ",\"steps\":[{\"activity\":\"sculpt\",\"minutes\":30,\"mode\":\"CRAFT\"}]}"), 422, "title");
        assertFieldProblem(admin.post("/api/tasks", "{\"worker\":\"" + worker + "\",\"date\":\"2023-03-01\",\"title\":"
                + "\"t\",\"steps\":[{\"activity\":" + title + ",\"minutes\":30,\"mode\":\"CRAFT\"}]}"), 422,
                "steps[0].activity");
        assertFieldProblem(admin.post("/api/events", "{\"worker\":\"" + worker + "\",\"date\":\"2023-03-01\","
                + "\"label\":" + title + "}"), 422, "label");
        assertFieldProblem(admin.post("/api/workers", "{\"handle\":\"x" + System.nanoTime() % 100000
                + "\",\"displayName\":" + title + "}"), 422, "displayName");
        assertThat(admin.get("/api/tasks?worker=" + worker).json().path("items").size()).isZero();
    }

    @Test
    void tabsLineBreaksAndAstralCharacters_areText() {
        Map<String, Object> task = Payloads.task(worker, "2023-03-01");
        task.put("title", "line one\nline two\twith a tab \uD83C\uDFA8 and \u00e9");
        Http.Reply created = admin.post("/api/tasks", Http.json(task));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().path("title").asText()).isEqualTo(task.get("title"));
    }
}
