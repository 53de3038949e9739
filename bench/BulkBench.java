import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.craftline.db.Dialect;
import org.craftline.rollup.DayRollup;
import org.craftline.step.Mode;
import org.craftline.step.Step;

/**
 * The bulk benchmark, against the real jar under -Xmx512m:
 * <ol>
 *   <li>steps per second through {@code POST /api/tasks/batch} (1,000 tasks of 5 steps a request,
 *       sequentially), against plain JDBC batch inserts of the same task and step rows into another
 *       fresh database in the same run, with no rollups, checks or HTTP: the floor no service can
 *       beat. Target (issue 26): the endpoint at least 60% of the raw rate.</li>
 *   <li>a Toggl file just under the 20 MiB limit imported in one request, timed; then imported
 *       again by a server whose heap is capped at the first one's idle heap (after a GC) plus
 *       128 MiB: it must still answer 201. The first server's heap is also sampled every 100 ms,
 *       which shows how much garbage a roomy heap lets pile up, not what the import holds.</li>
 * </ol>
 * Prints a table and writes it to bench/results/bulk.md. About two minutes on 2 cores.
 */
public final class BulkBench {

    static final String ADMIN_TOKEN = "bench-admin-token-0123456789abcdefghijklmnopqrstuvwxyz";
    static final int BATCHES = Integer.getInteger("batches", 40);
    static final int TASKS = 1000;
    static final int STEPS = 5;
    /** What a 20 MiB import may hold live above the idle server (issue 26). */
    static final long IMPORT_HEAP_MIB = 128;
    static final LocalDate FIRST_DAY = LocalDate.parse("2000-01-01");
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory("craftline-bulk");
        String url = System.getProperty("db.url", Dialect.h2FileUrl(work.resolve("served")));
        String rawUrl = System.getProperty("db.rawUrl", Dialect.h2FileUrl(work.resolve("raw")));
        String user = System.getProperty("db.user", "craftline");
        String password = System.getProperty("db.password", "");
        boolean postgres = BenchServer.postgres(url);
        int port = Integer.getInteger("port", 18680);
        Map<String, String> env = BenchServer.env(url, user, password, ADMIN_TOKEN, work, port);
        Map<String, String> rawEnv = BenchServer.env(rawUrl, user, password, ADMIN_TOKEN, work, port);
        BenchServer.run(rawEnv, work.resolve("migrate-raw.log"), "db", "migrate", "config.yml");
        double raw = rawStepsPerSecond(rawUrl, user, password, false);
        // The same again with the day and tool rollup rows the service keeps for those days, in a
        // second fresh database: what the rows a batch must write cost the database alone.
        String rollupUrl = System.getProperty("db.rollupUrl",
                Dialect.h2FileUrl(work.resolve("raw-rollups")));
        Map<String, String> rollupEnv = BenchServer.env(rollupUrl, user, password, ADMIN_TOKEN, work, port);
        BenchServer.run(rollupEnv, work.resolve("migrate-rollups.log"), "db", "migrate", "config.yml");
        double rawWithRollups = rawStepsPerSecond(rollupUrl, user, password, true);

        Process server = BenchServer.start(env, work.resolve("server.log"));
        List<String[]> rows = new ArrayList<>();
        try {
            String base = "http://127.0.0.1:" + port;
            String admin = "http://127.0.0.1:" + (port + 1);
            BenchServer.waitHealthy(admin + "/healthcheck", server);
            post(base + "/api/workers", "application/json", "{\"handle\":\"bench\",\"displayName\":\"Bench\"}".getBytes(StandardCharsets.UTF_8));
            post(base + "/api/workers", "application/json", "{\"handle\":\"importer\",\"displayName\":\"Importer\"}".getBytes(StandardCharsets.UTF_8));
            // Warm-up: a small batch for another worker, so the JIT is not what is measured.
            post(base + "/api/workers", "application/json", "{\"handle\":\"warm\",\"displayName\":\"Warm\"}".getBytes(StandardCharsets.UTF_8));
            for (int b = 0; b < 3; b++) {
                BenchServer.expect(201, post(base + "/api/tasks/batch", "application/json", batch("warm", b).getBytes(StandardCharsets.UTF_8)));
            }
            long started = System.nanoTime();
            for (int b = 0; b < BATCHES; b++) {
                BenchServer.expect(201, post(base + "/api/tasks/batch", "application/json", batch("bench", b).getBytes(StandardCharsets.UTF_8)));
            }
            double served = (double) BATCHES * TASKS * STEPS / ((System.nanoTime() - started) / 1e9);
            rows.add(new String[] {"raw JDBC batch inserts, tasks and steps, fresh database",
                    String.format(Locale.ROOT, "%.0f steps/s", raw), "baseline", "", "", ""});
            rows.add(new String[] {"raw JDBC batch inserts, the same plus the day and tool rollup rows",
                    String.format(Locale.ROOT, "%.0f steps/s", rawWithRollups), "raw JDBC",
                    String.format(Locale.ROOT, "%.0f%%", 100 * rawWithRollups / raw), "", ""});
            rows.add(new String[] {"POST /api/tasks/batch, " + TASKS + " tasks x " + STEPS + " steps a request, "
                    + BATCHES + " requests", String.format(Locale.ROOT, "%.0f steps/s", served), "raw JDBC",
                    String.format(Locale.ROOT, "%.0f%% (%.0f%% of raw with rollups)", 100 * served / raw,
                            100 * served / rawWithRollups), ">= 60% of raw", BenchServer.met(served >= 0.6 * raw)});

            byte[] file = togglFile(20 * 1024 * 1024 - 64 * 1024);
            long idle = BenchServer.heapAfterGc(admin);
            BenchServer.HeapSampler heap = new BenchServer.HeapSampler(admin, 100);
            long importStarted = System.nanoTime();
            HttpResponse<String> imported = post(base + "/api/imports/toggl?worker=importer", "text/csv", file);
            double importSeconds = (System.nanoTime() - importStarted) / 1e9;
            heap.stop();
            BenchServer.expect(201, imported);
            long after = BenchServer.heapAfterGc(admin);
            JsonNode report = JSON.readTree(imported.body());
            rows.add(new String[] {String.format(Locale.ROOT, "Toggl import, %.1f MiB, %d rows, one request, -Xmx512m",
                    file.length / 1048576.0, report.path("rows").asInt()),
                    String.format(Locale.ROOT, "%.1f s, %d tasks", importSeconds, report.path("tasks").asInt()),
                    "baseline", "", "201", BenchServer.met(server.isAlive())});
            rows.add(new String[] {"heap during that import: peak used, sampled every 100 ms (garbage not yet "
                    + "collected included)", (heap.peak() >> 20) + " MiB", "after GC before it: " + (idle >> 20) + " MiB",
                    "+" + ((heap.peak() - idle) >> 20) + " MiB", "", ""});
            rows.add(new String[] {"heap after GC once imported", (after >> 20) + " MiB", "", "", "", ""});
            server.destroy();
            server.waitFor(20, TimeUnit.SECONDS);
            rows.add(cappedImport(env, work, file, importSeconds));
        } finally {
            server.destroy();
            server.waitFor(20, TimeUnit.SECONDS);
            System.err.println("logs: " + work);
        }
        String head = "# Bulk benchmark\n\n" + String.format(Locale.ROOT, "%s; %s; %d cores, Java %s.%n%n",
                Instant.now().toString().substring(0, 10), postgres ? "PostgreSQL" : "H2 file",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        BenchServer.publish(head, "target", rows, "bulk-bench.sh", postgres ? "bulk-postgresql.md" : "bulk.md");
    }

    /**
     * The same file imported again, by another worker into the same database, by a server whose heap
     * is capped at what such a server holds idle (measured on a start before, after a GC) plus
     * {@link #IMPORT_HEAP_MIB}: the import fits in that much live data, or the capped server fails.
     * Sampling "heap used" cannot show this: it counts the garbage a collector has not yet had reason
     * to collect.
     */
    static String[] cappedImport(Map<String, String> env, Path work, byte[] file, double uncappedSeconds)
            throws Exception {
        String admin = "http://127.0.0.1:" + Integer.parseInt(env.get("CRAFTLINE_ADMIN_PORT"));
        long idle;
        Process measuring = BenchServer.start(env, work.resolve("server-idle.log"));
        try {
            BenchServer.waitHealthy(admin + "/healthcheck", measuring);
            idle = BenchServer.heapAfterGc(admin);
        } finally {
            measuring.destroy();
            measuring.waitFor(20, TimeUnit.SECONDS);
        }
        long capMib = (idle >> 20) + IMPORT_HEAP_MIB;
        Process capped = BenchServer.start(env, work.resolve("server-capped.log"), List.of("-Xmx" + capMib + "m"));
        try {
            String base = "http://127.0.0.1:" + Integer.parseInt(env.get("CRAFTLINE_PORT"));
            BenchServer.waitHealthy(admin + "/healthcheck", capped);
            post(base + "/api/workers", "application/json",
                    "{\"handle\":\"capped\",\"displayName\":\"Capped\"}".getBytes(StandardCharsets.UTF_8));
            long cappedIdle = BenchServer.heapAfterGc(admin);
            long started = System.nanoTime();
            HttpResponse<String> imported = post(base + "/api/imports/toggl?worker=capped", "text/csv", file);
            double seconds = (System.nanoTime() - started) / 1e9;
            boolean met = imported.statusCode() == 201 && capped.isAlive();
            return new String[] {String.format(Locale.ROOT, "the same import by a server capped at -Xmx%dm "
                    + "(idle %d MiB + %d MiB; idle %d MiB under the cap)", capMib, idle >> 20, IMPORT_HEAP_MIB,
                    cappedIdle >> 20), String.format(Locale.ROOT, "%d in %.1f s", imported.statusCode(), seconds),
                    String.format(Locale.ROOT, "%.1f s", uncappedSeconds),
                    String.format(Locale.ROOT, "%.2fx", seconds / uncappedSeconds),
                    "201: peak live heap <= " + IMPORT_HEAP_MIB + " MiB above idle", BenchServer.met(met)};
        } finally {
            capped.destroy();
            capped.waitFor(20, TimeUnit.SECONDS);
        }
    }

    /** Batch {@code b}: 1,000 days from day 1,000 x b, one task of 5 steps a day. */
    static String batch(String worker, int b) {
        StringBuilder json = new StringBuilder("{\"tasks\":[");
        for (int t = 0; t < TASKS; t++) {
            LocalDate date = FIRST_DAY.plusDays((long) b * TASKS + t);
            json.append(t == 0 ? "" : ",").append("{\"worker\":\"").append(worker).append("\",\"date\":\"").append(date)
                    .append("\",\"title\":\"Day's work\",\"steps\":[");
            for (int s = 0; s < STEPS; s++) {
                json.append(s == 0 ? "" : ",").append(step(s));
            }
            json.append("]}");
        }
        return json.append("]}").toString();
    }

    static String step(int s) {
        return "{\"activity\":\"" + ACTIVITIES[s] + "\",\"minutes\":" + (30 + 15 * s) + ",\"mode\":\""
                + (s % 2 == 0 ? "CRAFT" : "EXECUTION") + "\",\"tool\":\"" + TOOLS[s] + "\"}";
    }

    static final String[] ACTIVITIES = {"concept", "sculpt", "retopo", "prompt", "paintover"};
    static final String[] TOOLS = {"Photoshop", "ZBrush", "Maya", "Midjourney v5", "Photoshop"};

    /**
     * The same task and step rows as the batches, inserted with plain JDBC batches, a transaction
     * per 1,000 tasks; with {@code rollups}, each day's {@code worker_days} and {@code worker_day_tools}
     * rows too, as the service computes them ({@link DayRollup}).
     */
    static double rawStepsPerSecond(String url, String user, String password, boolean rollups) throws SQLException {
        List<Step> daySteps = new ArrayList<>();
        for (int s = 0; s < STEPS; s++) {
            daySteps.add(new Step(ACTIVITIES[s], 30 + 15 * s, s % 2 == 0 ? Mode.CRAFT : Mode.EXECUTION, TOOLS[s], null,
                    null, null));
        }
        DayRollup rollup = DayRollup.of(daySteps);
        // The driver settings the server uses (Dialect.serverUrl: batched inserts rewritten on PostgreSQL).
        try (Connection db = DriverManager.getConnection(Dialect.of(url).serverUrl(url), user, password)) {
            db.setAutoCommit(false);
            Timestamp now = Timestamp.from(Instant.now());
            try (PreparedStatement worker = db.prepareStatement(
                    "INSERT INTO workers (id, handle, display_name, created_at) VALUES (1, 'bench', 'Bench', ?)")) {
                worker.setTimestamp(1, now);
                worker.executeUpdate();
                db.commit();
            }
            long started = System.nanoTime();
            try (PreparedStatement tasks = db.prepareStatement("INSERT INTO tasks (id, worker_id, work_date, title, "
                    + "version, created_at, updated_at) VALUES (?, 1, ?, 'Day''s work', 1, ?, ?)");
                 PreparedStatement steps = db.prepareStatement("INSERT INTO steps (task_id, step_no, worker_id, "
                         + "work_date, activity, minutes, mode, tool) VALUES (?, ?, 1, ?, ?, ?, ?, ?)");
                 PreparedStatement days = db.prepareStatement("INSERT INTO worker_days (worker_id, work_date, minutes, "
                         + "craft_minutes, mediation_none_minutes, mediation_assisted_minutes, "
                         + "mediation_generated_minutes, discretion_self_minutes, discretion_within_spec_minutes, "
                         + "discretion_prescribed_minutes, step_count, repeated_minutes, activity_count, entropy) "
                         + "VALUES (1, ?, ?, ?, 0, 0, 0, 0, 0, 0, ?, ?, ?, ?)");
                 PreparedStatement tools = db.prepareStatement("INSERT INTO worker_day_tools (worker_id, work_date, "
                         + "tool, minutes, craft_minutes) VALUES (1, ?, ?, ?, ?)")) {
                for (int b = 0; b < BATCHES; b++) {
                    for (int t = 0; t < TASKS; t++) {
                        long id = (long) b * TASKS + t + 1;
                        LocalDate date = FIRST_DAY.plusDays(id - 1);
                        tasks.setLong(1, id);
                        tasks.setObject(2, date);
                        tasks.setTimestamp(3, now);
                        tasks.setTimestamp(4, now);
                        tasks.addBatch();
                        for (int s = 0; s < STEPS; s++) {
                            steps.setLong(1, id);
                            steps.setInt(2, s);
                            steps.setObject(3, date);
                            steps.setString(4, ACTIVITIES[s]);
                            steps.setInt(5, 30 + 15 * s);
                            steps.setString(6, s % 2 == 0 ? "CRAFT" : "EXECUTION");
                            steps.setString(7, TOOLS[s]);
                            steps.addBatch();
                        }
                        if (rollups) {
                            days.setObject(1, date);
                            days.setInt(2, rollup.minutes());
                            days.setInt(3, rollup.craftMinutes());
                            days.setInt(4, rollup.stepCount());
                            days.setInt(5, rollup.repeatedMinutes());
                            days.setInt(6, rollup.activityCount());
                            days.setDouble(7, rollup.entropy());
                            days.addBatch();
                            for (DayRollup.ToolMinutes tool : rollup.tools()) {
                                tools.setObject(1, date);
                                tools.setString(2, tool.tool());
                                tools.setInt(3, tool.minutes());
                                tools.setInt(4, tool.craftMinutes());
                                tools.addBatch();
                            }
                        }
                    }
                    tasks.executeBatch();
                    steps.executeBatch();
                    if (rollups) {
                        days.executeBatch();
                        tools.executeBatch();
                    }
                    db.commit();
                }
            }
            return (double) BATCHES * TASKS * STEPS / ((System.nanoTime() - started) / 1e9);
        }
    }

    /** A Toggl detailed report of about {@code bytes}: rows of ten minutes, 100 a day. */
    static byte[] togglFile(int bytes) {
        StringBuilder csv = new StringBuilder("User,Email,Client,Project,Task,Description,Billable,Start date,"
                + "Start time,End date,End time,Duration,Tags,Amount (EUR)\n");
        for (int i = 0; csv.length() < bytes - 200; i++) {
            LocalDate date = FIRST_DAY.plusDays(i / 100);
            int minute = 6 * 60 + i % 100 * 10;
            String start = String.format(Locale.ROOT, "%02d:%02d:00", minute / 60, minute % 60);
            String end = String.format(Locale.ROOT, "%02d:%02d:00", (minute + 10) / 60, (minute + 10) % 60);
            csv.append("Sam Okafor,sam@example.org,Northwind,").append(i % 3 == 0 ? "Cliff kit" : "Props").append(",")
                    .append(ACTIVITIES[i % 5]).append(",\"Row ").append(i).append(", with a comma\",No,").append(date)
                    .append(',').append(start).append(',').append(date).append(',').append(end).append(",00:10:00,\"")
                    .append(i % 2 == 0 ? "craft" : "routine").append(", ").append(TOOLS[i % 5]).append("\",0.00\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    static HttpResponse<String> post(String url, String type, byte[] body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(10))
                .header("Authorization", "Bearer " + ADMIN_TOKEN).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
