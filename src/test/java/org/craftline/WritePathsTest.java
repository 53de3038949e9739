package org.craftline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.craftline.testing.CaptureExports;
import org.craftline.testing.Http;
import org.craftline.testing.Payloads;
import org.craftline.testing.SharedApp;
import org.craftline.testing.SharedApp.Admin;
import org.craftline.testing.SharedApp.FreshWorker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every route that writes, listed: each must run its statements in {@code Transactions.write}, the
 * one transaction runner (with its race retry and its typed duplicates). The server refuses a
 * statement that changes data anywhere else ({@code db/WritesOnlyInTransactions}), so a route
 * that bypassed it would answer 500 here. A new write route fails the first test until it is
 * added to the list, and so to the second.
 */
class WritePathsTest {

    @RegisterExtension
    static final SharedApp API = SharedApp.withWorkersNamed("writes");

    @Admin
    Http admin;
    @FreshWorker
    String worker;
    @FreshWorker
    Http asWorker;

    /** Each write route, as OpenAPI names it (under its server, /api), and a request to it that must succeed. */
    private Map<String, Function<WritePathsTest, Http.Reply>> writes() {
        return Map.ofEntries(
                Map.entry("POST /workers", test -> test.admin.post("/api/workers",
                        Http.json(Payloads.worker(test.worker + "-x")))),
                Map.entry("PUT /workers/{handle}/rules", test -> test.asWorker.put("/api/workers/" + test.worker
                        + "/rules", "{\"rules\": [{\"when\": {\"app\": \"Blender\"}, \"activity\": \"sculpt\", "
                        + "\"mode\": \"CRAFT\"}]}", "*")),
                Map.entry("POST /workers/{handle}/rules/from-activitywatch", test -> test.asWorker.post(
                        "/api/workers/" + test.worker + "/rules/from-activitywatch", "{\"categories\": [], \"modes\": {}}")),
                Map.entry("PUT /me/timer", test -> test.asWorker.put("/api/me/timer",
                        "{\"activity\": \"sculpt\", \"mode\": \"CRAFT\"}", null)),
                Map.entry("DELETE /me/timer", test -> {
                    test.asWorker.put("/api/me/timer", "{\"activity\": \"sculpt\", \"mode\": \"CRAFT\"}", null);
                    return test.asWorker.delete("/api/me/timer?zone=UTC");
                }),
                Map.entry("PUT /workers/{handle}/team", test -> test.admin.put("/api/workers/" + test.worker
                        + "/team", "{\"team\":\"writers\"}", null)),
                Map.entry("POST /workers/{handle}/tokens", test -> test.asWorker.post("/api/workers/" + test.worker
                        + "/tokens", "{}")),
                Map.entry("DELETE /tokens/{id}", test -> test.asWorker.delete("/api/tokens/" + test.asWorker
                        .post("/api/workers/" + test.worker + "/tokens", "{}").json().path("id").asLong())),
                Map.entry("POST /tasks", test -> test.asWorker.post("/api/tasks",
                        Http.json(Payloads.task(test.worker, "2023-03-01")))),
                Map.entry("POST /tasks/batch", test -> test.asWorker.post("/api/tasks/batch",
                        Http.json(Map.of("tasks", List.of(Payloads.task(test.worker, "2023-03-02")))))),
                Map.entry("PUT /tasks/{id}", test -> {
                    long id = test.newTask("2023-03-03");
                    return test.asWorker.put("/api/tasks/" + id, Http.json(Payloads.task(test.worker, "2023-03-04")),
                            "\"v1\"");
                }),
                Map.entry("DELETE /tasks/{id}", test -> test.asWorker.delete("/api/tasks/" + test.newTask("2023-03-05"))),
                Map.entry("POST /events", test -> test.asWorker.post("/api/events",
                        Http.json(Payloads.event(test.worker, "2023-03-06", "adopted Midjourney v5")))),
                Map.entry("DELETE /events/{id}", test -> test.asWorker.delete("/api/events/" + test.asWorker
                        .post("/api/events", Http.json(Payloads.event(test.worker, "2023-03-07", "x"))).json()
                        .path("id").asLong())),
                Map.entry("POST /imports/{tracker}", test -> test.asWorker.postBytes("/api/imports/toggl",
                        "text/csv", Payloads.trackerExport("toggl-detailed.csv"))),
                Map.entry("POST /imports/activitywatch", test -> test.withRules(CaptureExports.ARTIST_RULES)
                        .postBytes("/api/imports/activitywatch?zone=UTC", "application/json", CaptureExports
                                .activityWatch(1, LocalDate.parse("2023-03-01"), 1, ZoneOffset.UTC).json())),
                Map.entry("POST /imports/wakatime", test -> test.withRules(CaptureExports.DEVELOPER_RULES)
                        .postBytes("/api/imports/wakatime?zone=UTC", "application/json", CaptureExports
                                .wakaTime(1, LocalDate.parse("2023-03-02"), 1, ZoneOffset.UTC).json())));
    }

    /** The worker's client, after saving {@code rules} as theirs: an import without rules writes nothing. */
    private Http withRules(String rules) {
        asWorker.put("/api/workers/" + worker + "/rules", rules, "*");
        return asWorker;
    }

    private long newTask(String date) {
        return asWorker.post("/api/tasks", Http.json(Payloads.task(worker, date))).json().path("id").asLong();
    }

    @Test
    void everyRouteThatWrites_isListedHere() {
        Set<String> documented = new TreeSet<>();
        JsonNode paths = admin.get("/api/openapi.json").json().path("paths");
        for (Iterator<Map.Entry<String, JsonNode>> path = paths.fields(); path.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = path.next();
            entry.getValue().fieldNames().forEachRemaining(method -> {
                if (!method.equals("get") && !method.equals("head") && !method.equals("options")) {
                    documented.add(method.toUpperCase(Locale.ROOT) + " " + entry.getKey());
                }
            });
        }

        assertThat(documented).isEqualTo(new TreeSet<>(writes().keySet()));
    }

    @Test
    void everyRouteThatWrites_succeeds_insideTheOneTransactionRunner() {
        Map<String, Integer> statuses = new TreeMap<>();
        writes().forEach((route, request) -> statuses.put(route, request.apply(this).status()));

        assertThat(statuses).allSatisfy((route, status) -> assertThat(status).as(route).isBetween(200, 299));
    }
}
