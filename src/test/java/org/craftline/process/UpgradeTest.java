package org.craftline.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.db.ManagedDataSource;
import io.dropwizard.testing.DropwizardTestSupport;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.craftline.CraftlineConfiguration;
import org.craftline.testing.Http;
import org.craftline.testing.Payloads;
import org.craftline.testing.ProcessLevel;
import org.craftline.testing.TestApp;
import org.craftline.testing.TestDatabase;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * A database made by the first released schema (migrations 001 to 004, the release that added
 * tokens), holding what that release wrote, rows laid out as its code laid them out, is upgraded by
 * the server's start to the current schema. Every task, step, event and token survives, the old
 * tokens still sign in (revoked and expired ones still do not), and every report and export equals
 * the one from a fresh database where the same history was logged through today's API.
 */
@ProcessLevel
class UpgradeTest {

    /** Migrations 001 to 004: the schema of the first release with tokens, 9323c3a. */
    private static final int FIRST_RELEASE = 4;
    private static final String TEAM = "env-art";
    private static final List<String> HANDLES = List.of("sam", "kim", "ola", "ravi", "mei", "jo");
    private static final Instant LOGGED_AT = Instant.parse("2023-12-31T18:00:00Z");
    private static final String[] TOOLS = {null, "ZBrush", "Maya", "Midjourney v5", "Photoshop"};
    private static final String[] DISCRETION = {null, "SELF", "WITHIN_SPEC", "PRESCRIBED"};
    private static final String[] MEDIATION = {null, "NONE", "ASSISTED", "GENERATED"};

    record LoggedStep(String activity, int minutes, String mode, String tool, String discretion, String mediation,
                      String note) {
    }

    record LoggedTask(String worker, LocalDate date, String title, String notes, boolean edited,
                      List<LoggedStep> steps) {
    }

    /** A year of six workers' logs, the same on every run. */
    private static List<LoggedTask> history() {
        Random random = new Random(1974);
        List<LoggedTask> tasks = new ArrayList<>();
        for (String worker : HANDLES) {
            for (int day = 0; day < 365; day += 5 + random.nextInt(10)) {
                List<LoggedStep> steps = new ArrayList<>();
                for (int s = 0; s < 1 + random.nextInt(4); s++) {
                    steps.add(new LoggedStep(List.of("sculpt", "prompt", "retopo", "paintover").get(random.nextInt(4)),
                            5 + random.nextInt(120), random.nextInt(2) == 0 ? "CRAFT" : "EXECUTION",
                            TOOLS[random.nextInt(TOOLS.length)], DISCRETION[random.nextInt(DISCRETION.length)],
                            MEDIATION[random.nextInt(MEDIATION.length)], random.nextInt(5) == 0 ? "by hand" : null));
                }
                tasks.add(new LoggedTask(worker, LocalDate.of(2023, 1, 2).plusDays(day), "task " + tasks.size(),
                        random.nextInt(3) == 0 ? "notes " + tasks.size() : null, random.nextInt(6) == 0, steps));
            }
        }
        return tasks;
    }

    @Test
    void firstReleaseDatabase_upgradesWithEveryRowAndTheSameReports() throws Exception {
        List<LoggedTask> history = history();
        Path upgraded = TestApp.newDatabaseFile();
        Map<String, String> tokens;
        Map<String, Long> rowsBefore;
        DataSourceFactory database = dataSource(upgraded);
        TestDatabase.migrate(database, FIRST_RELEASE);
        ManagedDataSource pool = database.build(new com.codahale.metrics.MetricRegistry(), "first-release");
        try {
            Jdbi jdbi = Jdbi.create(pool);
            tokens = jdbi.inTransaction(handle -> writeAsTheFirstReleaseDid(handle, history));
            rowsBefore = jdbi.withHandle(UpgradeTest::rowCounts);
        } finally {
            pool.stop();
        }

        // No admin token configured: the old one, in the database, is the admin's.
        DropwizardTestSupport<CraftlineConfiguration> fromFirstRelease = TestApp.withoutAdminToken(upgraded, Map.of());
        DropwizardTestSupport<CraftlineConfiguration> fresh = TestApp.support(TestApp.newDatabaseFile());
        fromFirstRelease.before();
        fresh.before();
        try {
            assertThat(TestApp.jdbi(fromFirstRelease.getConfiguration()).withHandle(UpgradeTest::rowCounts))
                    .as("rows after the upgrade").isEqualTo(rowsBefore);
            Http old = new Http(fromFirstRelease.getLocalPort());
            assertTheOldTokens(old, tokens);

            Http today = new Http(fresh.getLocalPort()).as(TestApp.ADMIN_TOKEN);
            logThroughTheApi(today, history);
            Http upgradedAdmin = old.as(tokens.get("admin"));
            for (String worker : HANDLES) {
                for (String query : List.of("/api/export?worker=" + worker,
                        "/api/reports/deskilling?worker=" + worker + "&bucket=month&from=2023-01-01&to=2023-12-31",
                        "/api/reports/deskilling?worker=" + worker + "&bucket=week&from=2023-02-01&to=2023-09-30",
                        "/api/tasks?worker=" + worker + "&limit=200")) {
                    assertThat(comparable(upgradedAdmin.get(query))).as(query).isEqualTo(comparable(today.get(query)));
                }
            }
            String team = "/api/reports/deskilling?team=" + TEAM + "&bucket=month&from=2023-01-01&to=2023-12-31";
            assertThat(comparable(upgradedAdmin.get(team))).as(team).isEqualTo(comparable(today.get(team)))
                    .as("a team report with periods to show").contains("\"suppressed\":false");
        } finally {
            // Last started, first stopped: each puts back the configuration overrides it found.
            fresh.after();
            fromFirstRelease.after();
        }
    }

    /** The old tokens sign in with their roles; the revoked and the expired one do not; listings keep them. */
    private static void assertTheOldTokens(Http server, Map<String, String> tokens) {
        assertThat(server.as(tokens.get("admin")).get("/api/me").json().path("role").asText()).isEqualTo("ADMIN");
        JsonNode sam = server.as(tokens.get("sam")).get("/api/me").json();
        assertThat(sam.path("handle").asText() + " " + sam.path("role").asText()).isEqualTo("sam WORKER");
        assertThat(server.as(tokens.get("sam")).get("/api/reports/deskilling?worker=kim").status()).isEqualTo(404);
        assertThat(server.as(tokens.get("analyst")).get("/api/reports/deskilling?team=" + TEAM).status()).isEqualTo(200);
        assertThat(server.as(tokens.get("revoked")).get("/api/me").status()).isEqualTo(401);
        assertThat(server.as(tokens.get("expired")).get("/api/me").status()).isEqualTo(401);
        JsonNode listed = server.as(tokens.get("admin")).get("/api/workers/sam/tokens").json();
        assertThat(listed.findValuesAsText("label")).containsExactlyInAnyOrder("laptop", "old phone");
        assertThat(listed.findValuesAsText("prefix")).contains(tokens.get("sam").substring(0, 9));
    }

    /**
     * The history in the first release's tables, written as its DAOs wrote it: a task with its steps
     * numbered from 0 and its day's minutes in worker_days, an edit as version + 1; tokens as
     * {@code cl_} and 32 random bytes, stored as their SHA-256 and first 9 characters. Returns the tokens.
     */
    private static Map<String, String> writeAsTheFirstReleaseDid(Handle handle, List<LoggedTask> history) {
        Map<String, Long> workers = new HashMap<>();
        for (String worker : HANDLES) {
            workers.put(worker, handle.createUpdate("""
                            INSERT INTO workers (handle, display_name, occupation, onet_soc, team, created_at)
                            VALUES (:handle, :name, 'Environment artist', '27-1014.00', :team, :at)""")
                    .bind("handle", worker).bind("name", "Worker " + worker).bind("team", TEAM)
                    .bind("at", LOGGED_AT).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        }
        Map<String, int[]> days = new TreeMap<>();
        for (LoggedTask task : history) {
            long worker = workers.get(task.worker());
            long id = handle.createUpdate("""
                            INSERT INTO tasks (worker_id, work_date, title, notes, version, created_at, updated_at)
                            VALUES (:worker, :date, :title, :notes, :version, :at, :at)""")
                    .bind("worker", worker).bind("date", task.date()).bind("title", task.title())
                    .bind("notes", task.notes()).bind("version", task.edited() ? 2 : 1).bind("at", LOGGED_AT)
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            for (int n = 0; n < task.steps().size(); n++) {
                LoggedStep step = task.steps().get(n);
                handle.createUpdate("""
                                INSERT INTO steps (task_id, step_no, worker_id, work_date, activity, minutes, mode,
                                                   tool, discretion, mediation, note)
                                VALUES (:task, :n, :worker, :date, :activity, :minutes, :mode, :tool, :discretion,
                                        :mediation, :note)""")
                        .bind("task", id).bind("n", n).bind("worker", worker).bind("date", task.date())
                        .bind("activity", step.activity()).bind("minutes", step.minutes()).bind("mode", step.mode())
                        .bind("tool", step.tool()).bind("discretion", step.discretion())
                        .bind("mediation", step.mediation()).bind("note", step.note()).execute();
                int[] day = days.computeIfAbsent(worker + " " + task.date(), key -> new int[2]);
                day[0] += step.minutes();
                day[1] += step.mode().equals("CRAFT") ? step.minutes() : 0;
            }
        }
        days.forEach((key, minutes) -> handle.execute(
                "INSERT INTO worker_days (worker_id, work_date, minutes, craft_minutes) VALUES (?, ?, ?, ?)",
                Long.parseLong(key.split(" ")[0]), LocalDate.parse(key.split(" ")[1]), minutes[0], minutes[1]));
        handle.execute("INSERT INTO events (worker_id, event_date, label, tool, created_at) VALUES (?, ?, ?, ?, ?)",
                workers.get("sam"), LocalDate.of(2023, 3, 16), "adopted Midjourney v5", "Midjourney v5", LOGGED_AT);
        handle.execute("INSERT INTO events (worker_id, event_date, label, tool, created_at) VALUES (?, ?, ?, ?, ?)",
                workers.get("kim"), LocalDate.of(2023, 6, 1), "new pipeline", null, LOGGED_AT);

        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("admin", token(handle, null, "ADMIN", null, null, null));
        tokens.put("sam", token(handle, workers.get("sam"), "WORKER", "laptop", null, null));
        tokens.put("revoked", token(handle, workers.get("sam"), "WORKER", "old phone", null, LOGGED_AT));
        tokens.put("analyst", token(handle, workers.get("kim"), "ANALYST", null, Instant.parse("2199-01-01T00:00:00Z"),
                null));
        tokens.put("expired", token(handle, workers.get("ola"), "WORKER", null, Instant.parse("2024-01-01T00:00:00Z"),
                null));
        return tokens;
    }

    private static String token(Handle handle, Long worker, String role, String label, Instant expiresAt,
                                Instant revokedAt) {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        String token = "cl_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        handle.createUpdate("""
                        INSERT INTO api_tokens (worker_id, role, token_hash, prefix, label, created_at, expires_at,
                                                revoked_at)
                        VALUES (:worker, :role, :hash, :prefix, :label, :at, :expires, :revoked)""")
                .bind("worker", worker).bind("role", role).bind("hash", sha256(token))
                .bind("prefix", token.substring(0, 9)).bind("label", label).bind("at", LOGGED_AT)
                .bind("expires", expiresAt).bind("revoked", revokedAt).execute();
        return token;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same history through today's API: workers, tasks (an edited one PUT once more), events. */
    private static void logThroughTheApi(Http admin, List<LoggedTask> history) {
        for (String worker : HANDLES) {
            Map<String, Object> body = new LinkedHashMap<>(Payloads.worker(worker));
            body.put("displayName", "Worker " + worker);
            body.put("occupation", "Environment artist");
            body.put("onetSoc", "27-1014.00");
            body.put("team", TEAM);
            assertThat(admin.post("/api/workers", Http.json(body)).status()).isEqualTo(201);
        }
        for (LoggedTask task : history) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("worker", task.worker());
            body.put("date", task.date().toString());
            body.put("title", task.title());
            body.put("notes", task.notes());
            List<Map<String, Object>> steps = new ArrayList<>();
            for (LoggedStep step : task.steps()) {
                Map<String, Object> s = new LinkedHashMap<>();
                s.put("activity", step.activity());
                s.put("minutes", step.minutes());
                s.put("mode", step.mode());
                s.put("tool", step.tool());
                s.put("discretion", step.discretion());
                s.put("mediation", step.mediation());
                s.put("note", step.note());
                steps.add(s);
            }
            body.put("steps", steps);
            Http.Reply created = admin.post("/api/tasks", Http.json(body));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            if (task.edited()) {
                assertThat(admin.put(created.header("Location"), Http.json(body), created.header("ETag")).status())
                        .isEqualTo(200);
            }
        }
        Map<String, Object> adoption = Payloads.event("sam", "2023-03-16", "adopted Midjourney v5");
        Map<String, Object> pipeline = Payloads.event("kim", "2023-06-01", "new pipeline");
        pipeline.put("tool", null);
        assertThat(admin.post("/api/events", Http.json(adoption)).status()).isEqualTo(201);
        assertThat(admin.post("/api/events", Http.json(pipeline)).status()).isEqualTo(201);
    }

    /**
     * An answer without what differs between two databases by nature: ids, the moments rows were
     * written, and the last bits of a double. (Migration 005 built the old days' rollups in one
     * order of additions, the API in another: an entropy may differ by 1e-17.)
     */
    private static String comparable(Http.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return canonical(reply.json()).toString();
    }

    private static JsonNode canonical(JsonNode node) {
        if (node.isFloatingPointNumber()) {
            return JsonNodeFactory.instance.numberNode(
                    node.decimalValue().round(new MathContext(12)).stripTrailingZeros());
        }
        if (node instanceof ObjectNode object) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            object.fields().forEachRemaining(field -> {
                if (!Set.of("id", "createdAt", "updatedAt", "exportedAt", "generatedAt", "nextCursor")
                        .contains(field.getKey())) {
                    copy.set(field.getKey(), canonical(field.getValue()));
                }
            });
            return copy;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            array.forEach(element -> copy.add(canonical(element)));
            return copy;
        }
        return node;
    }

    private static Map<String, Long> rowCounts(Handle handle) {
        Map<String, Long> counts = new TreeMap<>();
        for (String table : List.of("workers", "tasks", "steps", "events", "api_tokens")) {
            counts.put(table, handle.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
        }
        return counts;
    }

    /** The pool settings the test server will use for this database, to write the old rows with. */
    private static DataSourceFactory dataSource(Path databaseFile) {
        Map<String, String> environment = TestApp.databaseEnvironment(databaseFile);
        DataSourceFactory database = new DataSourceFactory();
        database.setUrl(environment.get("CRAFTLINE_DB_URL"));
        database.setDriverClass(environment.get("CRAFTLINE_DB_DRIVER"));
        database.setUser(environment.getOrDefault("CRAFTLINE_DB_USER", "craftline"));
        database.setPassword(environment.getOrDefault("CRAFTLINE_DB_PASSWORD", ""));
        return database;
    }
}
