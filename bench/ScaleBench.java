import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
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
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.craftline.db.Dialect;
import org.craftline.rollup.DayRollup;
import org.craftline.step.Discretion;
import org.craftline.step.Mediation;
import org.craftline.step.Mode;
import org.craftline.step.Step;

/**
 * The scale benchmark: 1,000 workers x 365 days x about 10 steps, plus one worker with
 * five years of 100-step days, bulk-loaded into a fresh H2 file together with the day rollups (built
 * by the service's own DayRollup), then measured over HTTP against the real jar, each figure next to
 * a baseline measured in the same run. Prints one table and writes it to bench/results/latest.md.
 *
 * <p>Run from the project folder after {@code ./mvnw -B -DskipTests package}:
 * {@code java -cp target/craftline.jar bench/ScaleBench.java} (see bench/scale-bench.sh).
 */
public final class ScaleBench {

    static final int WORKERS = Integer.getInteger("workers", 1000);
    static final int DAYS = 365;
    static final LocalDate FIRST_DAY = LocalDate.parse("2025-01-01");
    static final int LONG_DAYS = 1827;
    static final LocalDate LONG_FIRST_DAY = LocalDate.parse("2021-01-01");
    static final int REQUESTS = 200;
    static final int WRITERS = 32;
    static final Duration LOAD_TIME = Duration.ofSeconds(Integer.getInteger("loadSeconds", 15));
    /** Tasks a day in the second POST row: four of 150 minutes fit a day. */
    static final int TASKS_A_DAY = 4;
    static final String TEAM = "bench-team";
    static final String ADMIN_TOKEN = "bench-admin-token-0123456789abcdefghijklmnopqrstuvwxyz";
    static final String[] ACTIVITIES = {"reference", "concept", "sculpt", "retopo", "uv", "texture", "prompt",
            "paintover", "implement", "review"};
    static final String[] TOOLS = {"ZBrush", "Maya", "Photoshop", "Midjourney v5", "Substance Painter", "Unreal Engine"};
    static final ObjectMapper JSON = new ObjectMapper();
    /** HTTP/1.1 as most clients speak it to this service; Java's default would offer an h2c upgrade on every request. */
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    static String USER;
    static String PASSWORD;
    static String DATABASE;

    /** A connection for bulk work; PostgreSQL's driver sends a batch as multi-row inserts. */
    static Connection connect(String url) throws SQLException {
        java.util.Properties properties = new java.util.Properties();
        properties.setProperty("user", USER);
        properties.setProperty("password", PASSWORD);
        properties.setProperty("reWriteBatchedInserts", "true");
        return DriverManager.getConnection(url, properties);
    }

    record Row(String measurement, String value, String baseline, String ratio, String target, String met) {
    }

    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory("craftline-bench");
        // -Ddb.url=jdbc:postgresql://... (an empty database) measures PostgreSQL; by default a fresh H2 file.
        String url = System.getProperty("db.url",
                Dialect.h2FileUrl(work.resolve("craftline")));
        boolean postgres = BenchServer.postgres(url);
        USER = System.getProperty("db.user", "craftline");
        PASSWORD = System.getProperty("db.password", "");
        int port = Integer.getInteger("port", 18580);
        int adminPort = port + 1;
        Map<String, String> env = BenchServer.env(url, USER, PASSWORD, ADMIN_TOKEN, work, port);
        DATABASE = postgres ? "PostgreSQL" : "H2 file";

        long started = System.nanoTime();
        BenchServer.run(env, work.resolve("migrate.log"), "db", "migrate", "config.yml");
        int longWorker = load(url);
        String loadTime = String.format(Locale.ROOT, "%.0f s", (System.nanoTime() - started) / 1e9);
        NaiveScan naive = naiveScan(url);

        long serverStart = System.nanoTime();
        Process server = BenchServer.start(env, work.resolve("server.log"));
        List<Row> rows = new ArrayList<>();
        try {
            String base = "http://127.0.0.1:" + port;
            BenchServer.waitHealthy("http://127.0.0.1:" + adminPort + "/healthcheck", server);
            double startSeconds = (System.nanoTime() - serverStart) / 1e9;

            IntFunction<String> yearly = i -> base + "/api/reports/deskilling?worker=w" + pad(1 + i % WORKERS)
                    + "&from=2025-01-01&to=2025-12-31&bucket=week";
            IntFunction<String> fiveYears = i -> base + "/api/reports/deskilling?worker=w" + pad(longWorker)
                    + "&from=2021-01-01&to=2025-12-31&bucket=week";
            IntFunction<String> team = i -> base + "/api/reports/deskilling?team=" + TEAM
                    + "&from=2025-01-01&to=2025-12-31&bucket=week";
            // The team's first report publishes its year: every member's days, read once.
            long publishing = System.nanoTime();
            latencies(team, ADMIN_TOKEN, 0, 1);
            double firstTeamReport = (System.nanoTime() - publishing) / 1e9;
            // Warm the JIT on every path first: on 2 cores a cold server answers 5-10x slower for
            // its first thousands of requests, which would measure the compiler, not the service.
            List<String> tokens = writerTokens(base);
            hammer(base, tokens, false);
            latencies(i -> base + "/api/me", ADMIN_TOKEN, 0, 2000);
            latencies(yearly, ADMIN_TOKEN, 0, 500);
            latencies(fiveYears, ADMIN_TOKEN, 0, 100);
            latencies(team, ADMIN_TOKEN, 0, 3);

            Latency me = latencies(i -> base + "/api/me", ADMIN_TOKEN, REQUESTS, 0);
            Latency report = latencies(yearly, ADMIN_TOKEN, REQUESTS, 0);
            Latency longReport = latencies(fiveYears, ADMIN_TOKEN, 50, 0);
            Latency teamReport = latencies(team, ADMIN_TOKEN, 10, 0);
            Latency teamAfterWrite = afterEachWrite(base, tokens, team.apply(0), 20);
            Throughput reads = hammer(base, tokens, false);
            Throughput writes = hammer(base, tokens, true);
            Throughput dayByDay = hammer(base, tokens, true, LocalDate.parse("2030-01-01"), TASKS_A_DAY);
            long heap = BenchServer.heapAfterGc("http://127.0.0.1:" + adminPort);

            rows.add(new Row("GET /api/me p50 / p99", ms(me.p50()) + " / " + ms(me.p99()), "", "", "baseline", ""));
            rows.add(new Row("worker yearly report p50 / p99", ms(report.p50()) + " / " + ms(report.p99()),
                    "/api/me " + ms(me.p50()), ratio(report.p50(), me.p50()), "<= 2x /api/me",
                    BenchServer.met(report.p50() <= 2 * me.p50())));
            rows.add(new Row("naive GROUP BY over the same year's steps p50", ms(naive.p50()), "report "
                    + ms(report.p50()), ratio(naive.p50(), report.p50()) + " slower", ">= 20x slower than report",
                    BenchServer.met(naive.p50() >= 20 * report.p50())));
            rows.add(new Row("5-year, 100-steps-a-day worker report p50 / p99",
                    ms(longReport.p50()) + " / " + ms(longReport.p99()), "/api/me " + ms(me.p50()),
                    ratio(longReport.p50(), me.p50()), "<= 50 ms", BenchServer.met(longReport.p50() <= 0.050)));
            rows.add(new Row("first team report, " + WORKERS + " workers: publishes the year's weeks",
                    ms(firstTeamReport), "/api/me " + ms(me.p50()), ratio(firstTeamReport, me.p50()), "once per team",
                    ""));
            rows.add(new Row("team report, " + WORKERS + " workers, repeated, p50 / p99", ms(teamReport.p50()) + " / "
                    + ms(teamReport.p99()), "/api/me " + ms(me.p50()), ratio(teamReport.p50(), me.p50()), "<= 250 ms",
                    BenchServer.met(teamReport.p50() <= 0.250)));
            rows.add(new Row("team report right after a member's write to one month of it, p50 / p99",
                    ms(teamAfterWrite.p50()) + " / " + ms(teamAfterWrite.p99()), "/api/me " + ms(me.p50()),
                    ratio(teamAfterWrite.p50(), me.p50()), "<= 150 ms", BenchServer.met(teamAfterWrite.p50() <= 0.150)));
            // Issue 26's targets: PostgreSQL's writes run side by side, H2's take turns (OneWriterAtATime).
            int writeShare = postgres ? 45 : 30;
            rows.add(new Row("GET /api/me, 32 connections", rate(reads) + " /s, p50 / p99 " + ms(reads.p50()) + " / "
                    + ms(reads.p99()), "", "", "baseline", ""));
            rows.add(writeRow("POST /api/tasks, 32 connections, 32 workers", writes, reads, writeShare));
            rows.add(writeRow("the same, " + TASKS_A_DAY + " tasks a day (the later ones to a day holding steps)",
                    dayByDay, reads, writeShare));
            rows.add(new Row("start to healthy", String.format(Locale.ROOT, "%.1f s", startSeconds), "", "", "<= 4 s",
                    BenchServer.met(startSeconds <= 4)));
            rows.add(new Row("heap after load and GC, -Xmx512m", (heap >> 20) + " MiB", "", "",
                    "passes under -Xmx512m", BenchServer.met(server.isAlive())));
        } finally {
            server.destroy();
            server.waitFor(20, TimeUnit.SECONDS);
            deleteDatabase(work);
            System.err.println("logs: " + work);
        }
        String table = table(rows, loadTime);
        System.out.println(table);
        Path results = Path.of("bench", "results");
        Files.createDirectories(results);
        Files.writeString(results.resolve(postgres ? "latest-postgresql.md" : "latest.md"), table,
                StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------- the fixture

    /**
     * Loads workers w0001..w1000 (team {@link #TEAM}) with one task of about 10 steps a day for a
     * year, and one more worker with 1,827 days of 100 steps, with their rollups. Returns the
     * number of the long worker.
     */
    static int load(String url) throws SQLException {
        try (Connection db = connect(url)) {
            db.setAutoCommit(false);
            Batches batches = new Batches(db);
            Random random = new Random(42);
            long taskId = 0;
            for (int w = 1; w <= WORKERS + 1; w++) {
                boolean longWorker = w == WORKERS + 1;
                batches.worker(w, longWorker ? null : TEAM);
                int days = longWorker ? LONG_DAYS : DAYS;
                LocalDate first = longWorker ? LONG_FIRST_DAY : FIRST_DAY;
                for (int d = 0; d < days; d++) {
                    LocalDate date = first.plusDays(d);
                    // Craft falls across the year, as deskilling would make it.
                    double craftChance = 0.7 - 0.5 * d / days;
                    List<Step> steps = longWorker ? steps(random, 100, 4, 10, craftChance)
                            : steps(random, 8 + random.nextInt(5), 10, 60, craftChance);
                    batches.task(++taskId, w, date, steps);
                }
                batches.flushIfFull();
            }
            batches.flush();
            try (var restart = db.createStatement()) {
                // The month versions and month tools the service keeps, as migration 006 builds them.
                restart.execute("INSERT INTO worker_months (worker_id, month_start, version) "
                        + "SELECT worker_id, CAST(DATE_TRUNC('MONTH', work_date) AS DATE), 1 FROM worker_days "
                        + "GROUP BY worker_id, CAST(DATE_TRUNC('MONTH', work_date) AS DATE)");
                restart.execute("INSERT INTO worker_month_tools (worker_id, month_start, tool, minutes, craft_minutes, "
                        + "first_day) SELECT worker_id, CAST(DATE_TRUNC('MONTH', work_date) AS DATE), tool, SUM(minutes), "
                        + "SUM(craft_minutes), MIN(work_date) FROM worker_day_tools "
                        + "GROUP BY worker_id, CAST(DATE_TRUNC('MONTH', work_date) AS DATE), tool");
                restart.execute("ALTER TABLE tasks ALTER COLUMN id RESTART WITH " + (taskId + 1));
                restart.execute("ALTER TABLE workers ALTER COLUMN id RESTART WITH " + (WORKERS + 2));
            }
            db.commit();
            return WORKERS + 1;
        }
    }

    static List<Step> steps(Random random, int count, int min, int max, double craftChance) {
        List<Step> steps = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Mode mode = random.nextDouble() < craftChance ? Mode.CRAFT : Mode.EXECUTION;
            String tool = random.nextInt(4) == 0 ? null : TOOLS[random.nextInt(TOOLS.length)];
            steps.add(new Step(ACTIVITIES[random.nextInt(ACTIVITIES.length)], min + random.nextInt(max - min + 1),
                    mode, tool, Discretion.values()[random.nextInt(3)], Mediation.values()[random.nextInt(3)], null));
        }
        return steps;
    }

    /** JDBC batches for every table the service writes, rollups included. */
    static final class Batches {
        final Connection db;
        final PreparedStatement workers;
        final PreparedStatement memberships;
        final PreparedStatement tasks;
        final PreparedStatement steps;
        final PreparedStatement days;
        final PreparedStatement tools;
        int pending;
        final Timestamp now = Timestamp.from(Instant.parse("2025-01-01T00:00:00Z"));

        Batches(Connection db) throws SQLException {
            this.db = db;
            workers = db.prepareStatement("INSERT INTO workers (id, handle, display_name, team, created_at) "
                    + "VALUES (?, ?, ?, ?, ?)");
            memberships = db.prepareStatement("INSERT INTO team_memberships (worker_id, team) VALUES (?, ?)");
            tasks = db.prepareStatement("INSERT INTO tasks (id, worker_id, work_date, title, version, created_at, "
                    + "updated_at) VALUES (?, ?, ?, 'Day''s work', 1, ?, ?)");
            steps = db.prepareStatement("INSERT INTO steps (task_id, step_no, worker_id, work_date, activity, minutes, "
                    + "mode, tool, discretion, mediation) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            days = db.prepareStatement("INSERT INTO worker_days (worker_id, work_date, minutes, craft_minutes, "
                    + "mediation_none_minutes, mediation_assisted_minutes, mediation_generated_minutes, "
                    + "discretion_self_minutes, discretion_within_spec_minutes, discretion_prescribed_minutes, "
                    + "step_count, repeated_minutes, activity_count, entropy) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            tools = db.prepareStatement("INSERT INTO worker_day_tools (worker_id, work_date, tool, minutes, "
                    + "craft_minutes) VALUES (?, ?, ?, ?, ?)");
        }

        void worker(int id, String team) throws SQLException {
            workers.setLong(1, id);
            workers.setString(2, "w" + pad(id));
            workers.setString(3, "Worker " + id);
            workers.setString(4, team);
            workers.setTimestamp(5, now);
            workers.executeUpdate();
            if (team != null) {
                // What WorkerDao.insert does: a worker made with a team belongs to it from the beginning.
                memberships.setLong(1, id);
                memberships.setString(2, team);
                memberships.executeUpdate();
            }
        }

        void task(long id, long worker, LocalDate date, List<Step> daySteps) throws SQLException {
            tasks.setLong(1, id);
            tasks.setLong(2, worker);
            tasks.setObject(3, date);
            tasks.setTimestamp(4, now);
            tasks.setTimestamp(5, now);
            tasks.addBatch();
            for (int n = 0; n < daySteps.size(); n++) {
                Step step = daySteps.get(n);
                steps.setLong(1, id);
                steps.setInt(2, n);
                steps.setLong(3, worker);
                steps.setObject(4, date);
                steps.setString(5, step.activity());
                steps.setInt(6, step.minutes());
                steps.setString(7, step.mode().name());
                steps.setString(8, step.tool());
                steps.setString(9, step.discretion().name());
                steps.setString(10, step.mediation().name());
                steps.addBatch();
                pending++;
            }
            // The rollup the service would keep for this day, computed by the service's own code.
            DayRollup rollup = DayRollup.of(daySteps);
            int[] values = {rollup.minutes(), rollup.craftMinutes(), rollup.mediationNoneMinutes(),
                    rollup.mediationAssistedMinutes(), rollup.mediationGeneratedMinutes(),
                    rollup.discretionSelfMinutes(), rollup.discretionWithinSpecMinutes(),
                    rollup.discretionPrescribedMinutes(), rollup.stepCount(), rollup.repeatedMinutes(),
                    rollup.activityCount()};
            days.setLong(1, worker);
            days.setObject(2, date);
            for (int i = 0; i < values.length; i++) {
                days.setInt(3 + i, values[i]);
            }
            days.setDouble(14, rollup.entropy());
            days.addBatch();
            for (DayRollup.ToolMinutes tool : rollup.tools()) {
                tools.setLong(1, worker);
                tools.setObject(2, date);
                tools.setString(3, tool.tool());
                tools.setInt(4, tool.minutes());
                tools.setInt(5, tool.craftMinutes());
                tools.addBatch();
            }
        }

        void flushIfFull() throws SQLException {
            if (pending > 200_000) {
                flush();
            }
        }

        void flush() throws SQLException {
            tasks.executeBatch();
            steps.executeBatch();
            days.executeBatch();
            tools.executeBatch();
            db.commit();
            pending = 0;
        }
    }

    /**
     * What a report cost before the rollups: a GROUP BY over the year's raw steps of one worker,
     * found through the worker's tasks (the steps have no index by worker since migration 015).
     */
    record NaiveScan(double p50) {
    }

    static NaiveScan naiveScan(String url) throws SQLException {
        String sql = """
                SELECT EXTRACT(WEEK FROM t.work_date) AS week, SUM(s.minutes),
                       SUM(CASE WHEN s.mode = 'CRAFT' THEN s.minutes ELSE 0 END), COUNT(*)
                FROM tasks t JOIN steps s ON s.task_id = t.id
                WHERE t.worker_id = ? AND t.work_date BETWEEN DATE '2025-01-01' AND DATE '2025-12-31'
                GROUP BY EXTRACT(WEEK FROM t.work_date)
                """;
        List<Double> times = new ArrayList<>();
        try (Connection db = connect(url);
             PreparedStatement query = db.prepareStatement(sql)) {
            for (int i = 0; i < 400; i++) {
                // A different worker each time, as the reports below: H2 would answer a repeat from its cache.
                query.setLong(1, 1 + i % WORKERS);
                long t = System.nanoTime();
                try (var rs = query.executeQuery()) {
                    while (rs.next()) {
                        rs.getLong(2);
                    }
                }
                if (i >= 200) {
                    times.add((System.nanoTime() - t) / 1e9);
                }
            }
        }
        return new NaiveScan(percentile(times, 50));
    }

    // ---------------------------------------------------------------- the server

    /** The fixture takes over a gigabyte: it goes when the run ends; the logs stay for a look. */
    static void deleteDatabase(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".db")).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    static HttpResponse<String> get(String url, String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(String url, String token, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    // ---------------------------------------------------------------- measuring

    record Latency(double p50, double p99) {
    }

    /**
     * p50 and p99 of {@code count} sequential requests after {@code warmUp} unmeasured ones; request
     * i goes to {@code urls(i)}.
     */
    static Latency latencies(IntFunction<String> urls, String token, int count, int warmUp) throws Exception {
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < count + warmUp; i++) {
            String url = urls.apply(i);
            long t = System.nanoTime();
            HttpResponse<String> response = get(url, token);
            double seconds = (System.nanoTime() - t) / 1e9;
            if (response.statusCode() != 200) {
                throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
            }
            if (i >= warmUp) {
                times.add(seconds);
            }
        }
        return new Latency(percentile(times, 50), percentile(times, 99));
    }

    /**
     * The team report timed right after a team member logs a task on a day of the year, a different
     * month each time: the weeks are published, so the write changes nothing the report reads.
     */
    static Latency afterEachWrite(String base, List<String> tokens, String report, int count) throws Exception {
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            LocalDate day = FIRST_DAY.plusMonths(i % 12).plusDays(i / 12);
            HttpResponse<String> written = post(base + "/api/tasks", tokens.get(i % tokens.size()), task(day));
            if (written.statusCode() != 201) {
                throw new IllegalStateException("POST answered " + written.statusCode() + ": " + written.body());
            }
            long t = System.nanoTime();
            HttpResponse<String> response = get(report, ADMIN_TOKEN);
            times.add((System.nanoTime() - t) / 1e9);
            if (response.statusCode() != 200) {
                throw new IllegalStateException(report + " answered " + response.statusCode());
            }
        }
        return new Latency(percentile(times, 50), percentile(times, 99));
    }

    /** Tokens of {@link #WRITERS} different workers, made through the API. */
    static List<String> writerTokens(String base) throws Exception {
        List<String> tokens = new ArrayList<>();
        for (int w = 1; w <= WRITERS; w++) {
            HttpResponse<String> made = post(base + "/api/workers/w" + pad(w) + "/tokens", ADMIN_TOKEN, "{}");
            tokens.add(JSON.readTree(made.body()).path("token").asText());
        }
        return tokens;
    }

    record Throughput(double perSecond, double p50, double p99, int failures) {
    }

    /** A row of task POSTs against {@code reads} of /api/me in the same run. */
    static Row writeRow(String measurement, Throughput writes, Throughput reads, int writeShare) {
        return new Row(measurement, rate(writes) + " /s, p50 / p99 " + ms(writes.p50()) + " / " + ms(writes.p99())
                + (writes.failures() > 0 ? ", " + writes.failures() + " failed" : ""),
                "GET /api/me " + rate(reads) + " /s",
                String.format(Locale.ROOT, "%.0f%%", 100 * writes.perSecond() / reads.perSecond()),
                ">= " + writeShare + "% of /api/me, p99 <= 100 ms",
                BenchServer.met(writes.perSecond() >= writeShare / 100.0 * reads.perSecond()
                        && writes.p99() <= 0.100 && writes.failures() == 0));
    }

    /**
     * {@link #WRITERS} connections, one per worker token, sending as fast as answers come for
     * {@link #LOAD_TIME} after 5 s of warm-up: {@code GET /api/me}, or task POSTs on days after the
     * fixture (one new day per request).
     */
    static Throughput hammer(String base, List<String> tokens, boolean writes) throws Exception {
        return hammer(base, tokens, writes, LocalDate.parse("2026-01-01"), 1);
    }

    /**
     * The same, task POSTs {@code tasksADay} to a day from the day after {@code before}: all but the
     * first of a day's tasks go to a day that already holds steps, as when a worker logs a day's
     * work task by task.
     */
    static Throughput hammer(String base, List<String> tokens, boolean writes, LocalDate before, int tasksADay)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tokens.size());
        ConcurrentLinkedQueue<Double> times = new ConcurrentLinkedQueue<>();
        AtomicInteger failures = new AtomicInteger();
        long warmUpEnds = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        long ends = warmUpEnds + LOAD_TIME.toNanos();
        List<Future<?>> clients = new ArrayList<>();
        for (int c = 0; c < tokens.size(); c++) {
            String token = tokens.get(c);
            clients.add(pool.submit(() -> {
                // Each client is its own worker, so all may log the same days.
                LocalDate date = before;
                int sent = 0;
                while (System.nanoTime() < ends) {
                    long t = System.nanoTime();
                    if (writes && sent++ % tasksADay == 0) {
                        date = date.plusDays(1);
                    }
                    HttpResponse<String> response = writes
                            ? post(base + "/api/tasks", token, task(date))
                            : get(base + "/api/me", token);
                    long done = System.nanoTime();
                    if (t >= warmUpEnds) {
                        times.add((done - t) / 1e9);
                        if (response.statusCode() != (writes ? 201 : 200)) {
                            failures.incrementAndGet();
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> client : clients) {
            client.get();
        }
        pool.shutdown();
        List<Double> all = new ArrayList<>(times);
        return new Throughput(all.size() / (LOAD_TIME.toNanos() / 1e9), percentile(all, 50), percentile(all, 99),
                failures.get());
    }

    static String task(LocalDate date) {
        return """
                {"date": "%s", "title": "Bench task", "steps": [
                  {"activity": "sculpt", "minutes": 90, "mode": "CRAFT", "tool": "ZBrush"},
                  {"activity": "retopo", "minutes": 45, "mode": "EXECUTION", "tool": "Maya", "discretion": "WITHIN_SPEC"},
                  {"activity": "prompt", "minutes": 15, "mode": "EXECUTION", "tool": "Midjourney v5", "mediation": "GENERATED"}]}
                """.formatted(date);
    }

    static double percentile(List<Double> values, int percent) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    // ---------------------------------------------------------------- the table

    static String pad(int n) {
        return String.format(Locale.ROOT, "%04d", n);
    }

    static String ms(double seconds) {
        return String.format(Locale.ROOT, "%.1f ms", seconds * 1000);
    }

    static String rate(Throughput throughput) {
        return String.format(Locale.ROOT, "%.0f", throughput.perSecond());
    }

    static String ratio(double value, double baseline) {
        return String.format(Locale.ROOT, "%.1fx", value / baseline);
    }

    static String table(List<Row> rows, String loadTime) {
        StringBuilder out = new StringBuilder();
        out.append("# Scale benchmark\n\n");
        out.append(String.format(Locale.ROOT, "%s; %s database; %d workers x %d days x 8-12 steps, and one worker "
                        + "with %d days x 100 steps (fixture and rollups loaded in %s); %d cores, Java %s.%n%n",
                Instant.now().toString().substring(0, 10), DATABASE, WORKERS, DAYS, LONG_DAYS, loadTime,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version")));
        out.append("| measurement | value | baseline (same run) | ratio | target | met |\n");
        out.append("| --- | --- | --- | --- | --- | --- |\n");
        for (Row row : rows) {
            out.append("| ").append(String.join(" | ", row.measurement(), row.value(), row.baseline(), row.ratio(),
                    row.target(), row.met())).append(" |\n");
        }
        out.append("\nReproduce: `./mvnw -B -DskipTests package && ").append(DATABASE.equals("PostgreSQL")
                ? "JAVA_OPTS='-Ddb.url=jdbc:postgresql://HOST/EMPTY_DB -Ddb.user=U -Ddb.password=P' " : "")
                .append("bench/scale-bench.sh`\n");
        return out.toString();
    }
}
