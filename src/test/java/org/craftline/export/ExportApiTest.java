package org.craftline.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.craftline.testing.ProblemAssert.assertFieldProblem;
import static org.craftline.testing.ProblemAssert.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.craftline.CraftlineConfiguration;
import org.craftline.testing.Http;
import org.craftline.testing.Payloads;
import org.craftline.testing.SharedApp;
import org.craftline.testing.SharedApp.Admin;
import org.craftline.testing.SharedApp.FreshWorker;
import org.craftline.testing.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code GET /api/export}: a worker's whole log, as JSON or CSV, and back in through a batch. */
@ExtendWith(DropwizardExtensionsSupport.class)
class ExportApiTest {

    @RegisterExtension
    static final SharedApp API = SharedApp.withWorkersNamed("export");
    /** An empty instance with a database of its own, to import an export into. */
    static final DropwizardAppExtension<CraftlineConfiguration> ELSEWHERE = TestApp.extension();

    @Admin
    Http admin;
    @FreshWorker
    String worker;

    private Http asWorker(String handle) {
        return TestApp.signedIn(admin, handle, "WORKER");
    }

    @Test
    void theJsonExport_holdsTheWorkerEveryTaskAsStoredTheEventsAndTheRules() {
        admin.put("/api/workers/" + worker + "/rules", "{\"rules\": [{\"when\": {\"app\": \"Blender\"}, "
                + "\"activity\": \"sculpt\", \"mode\": \"CRAFT\"}]}", "*");
        long later = admin.post("/api/tasks", Http.json(Payloads.task(worker, "2023-03-02"))).json().path("id").asLong();
        long earlier = admin.post("/api/tasks", Http.json(Payloads.task(worker, "2023-03-01"))).json().path("id").asLong();
        admin.post("/api/events", Http.json(Payloads.event(worker, "2023-03-15", "adopted Midjourney v5")));

        Http.Reply reply = asWorker(worker).get("/api/export");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("application/json");
        assertThat(reply.header("Cache-Control")).isEqualTo("no-store");
        assertThat(reply.header("Content-Disposition")).contains("craftline-" + worker + ".json");
        JsonNode export = reply.json();
        assertThat(export.path("worker")).isEqualTo(admin.get("/api/workers/" + worker).json());
        assertThat(export.path("tasks")).containsExactly(admin.get("/api/tasks/" + earlier).json(),
                admin.get("/api/tasks/" + later).json());
        assertThat(export.path("events")).isEqualTo(admin.get("/api/events?worker=" + worker).json().path("items"));
        assertThat(export.path("rules")).isEqualTo(admin.get("/api/workers/" + worker + "/rules").json().path("rules"));
        assertThat(export.path("rules").size()).isEqualTo(1);
        assertThat(export.path("exportedAt").asText()).endsWith("Z");
    }

    @Test
    void theCsvExport_hasARowPerStep_andNoCellASpreadsheetWouldRun() {
        Map<String, Object> risky = Payloads.step("+sum", 30, "EXECUTION");
        risky.put("tool", "@evil");
        risky.put("note", "-1 or =1");
        Map<String, Object> task = Payloads.task(worker, "2023-03-01", Payloads.step("sculpt", 60, "CRAFT"), risky);
        task.put("title", "=HYPERLINK(\"http://x\",\"click\")");
        task.put("notes", "plain, \"quoted\"");
        admin.post("/api/tasks", Http.json(task));

        Http.Reply reply = asWorker(worker).send("GET", "/api/export", null, null, "text/csv");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("text/csv");
        List<String> lines = reply.body().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).isEqualTo(
                "worker,taskId,date,title,notes,step,activity,minutes,mode,tool,discretion,mediation,note");
        assertThat(lines.get(1)).contains(",2023-03-01,\"'=HYPERLINK(\"\"http://x\"\",\"\"click\"\")\",",
                "\"plain, \"\"quoted\"\"\"", ",1,sculpt,60,CRAFT,");
        assertThat(lines.get(2)).contains(",2,\"'+sum\",30,EXECUTION,\"'@evil\",,,\"'-1 or =1\"");
        assertThat(admin.get("/api/export?worker=" + worker + "&format=csv").body()).isEqualTo(reply.body());
    }

    @Test
    void aWorkerExportsOnlyTheirOwn_andAnAdminNamesWhose() {
        String other = TestApp.uniqueHandle("export-other");
        TestApp.createWorker(admin, other);

        assertProblem(asWorker(worker).get("/api/export?worker=" + other), 404);
        assertThat(asWorker(worker).get("/api/export?worker=" + worker).status()).isEqualTo(200);
        assertFieldProblem(admin.get("/api/export"), 400, "worker");
        assertThat(admin.get("/api/export?worker=" + other).json().path("worker").path("handle").asText())
                .isEqualTo(other);
        Http analyst = TestApp.signedIn(admin, other, "ANALYST");
        assertProblem(analyst.get("/api/export?worker=" + other), 403);
        assertFieldProblem(admin.get("/api/export?worker=" + other + "&format=xml"), 400, "format");
    }

    @Test
    void anExport_batchedIntoAnEmptyInstance_givesTheSameReport() throws Exception {
        for (int day = 0; day < 70; day++) {
            LocalDate date = LocalDate.parse("2023-01-02").plusDays(day);
            int craft = day < 35 ? 240 : 60;
            Map<String, Object> prompt = Payloads.step("prompt", 300 - craft, "EXECUTION");
            prompt.put("tool", day < 35 ? "Photoshop" : "Midjourney v5");
            prompt.put("mediation", day < 35 ? "ASSISTED" : "GENERATED");
            admin.post("/api/tasks", Http.json(Payloads.task(worker, date.toString(),
                    Payloads.step("sculpt", craft, "CRAFT"), prompt, Payloads.step("prompt", 20, "EXECUTION"))));
        }
        admin.post("/api/events", Http.json(Payloads.event(worker, "2023-02-06", "adopted Midjourney v5")));
        JsonNode export = asWorker(worker).get("/api/export").json();

        Http elsewhere = TestApp.admin(ELSEWHERE);
        ObjectNode person = export.path("worker").deepCopy();
        person.remove("createdAt");
        assertThat(elsewhere.post("/api/workers", person.toString()).status()).isEqualTo(201);
        ArrayNode batch = new ObjectMapper().createArrayNode();
        for (JsonNode task : export.path("tasks")) {
            ObjectNode item = batch.addObject();
            for (String field : List.of("worker", "date", "title", "notes", "steps")) {
                item.set(field, task.path(field));
            }
        }
        assertThat(elsewhere.post("/api/tasks/batch", batch.toString()).status()).isEqualTo(201);
        for (JsonNode event : export.path("events")) {
            ObjectNode item = event.deepCopy();
            item.remove(List.of("id", "createdAt"));
            assertThat(elsewhere.post("/api/events", item.toString()).status()).isEqualTo(201);
        }

        for (String bucket : List.of("week", "month")) {
            String report = "/api/reports/deskilling?worker=" + worker + "&from=2023-01-01&to=2023-06-30&bucket=" + bucket;
            assertThat(elsewhere.get(report).json()).as(bucket).isEqualTo(admin.get(report).json());
        }
        assertThat(elsewhere.get("/api/export?worker=" + worker).json().path("tasks").size()).isEqualTo(70);
    }
}
