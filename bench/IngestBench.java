import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.craftline.db.Dialect;

/**
 * Ingest while the database grows: {@code workers} (1,000) workers' year (365 days) of one task of
 * four steps a day, sent through {@code POST /api/tasks/batch} a day at a time (every worker's task
 * of that day in one request of 1,000 tasks, as a nightly sync would), into a fresh database, one
 * request after another. Each tenth of the year prints its steps per second, against the first
 * tenth's (the fresh database's) in the same run, and the bytes the database takes per stored step:
 * on H2 the file's size, on PostgreSQL {@code pg_database_size}. Targets (issue 26): at least 10,000
 * steps/s sustained, and at most 400 bytes per step at any size. About three minutes on 2 cores (H2).
 */
public final class IngestBench {

    static final int WORKERS = Integer.getInteger("workers", 1000);
    static final int DAYS = Integer.getInteger("days", 365);
    static final int STEPS = 4;
    static final LocalDate FIRST_DAY = LocalDate.parse("2023-01-02");
    static final double TARGET_STEPS_PER_SECOND = 10_000;
    static final long TARGET_BYTES_PER_STEP = 400;

    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory("craftline-ingest");
        Path h2File = work.resolve("served");
        String url = System.getProperty("db.url", Dialect.h2FileUrl(h2File));
        String user = System.getProperty("db.user", "craftline");
        String password = System.getProperty("db.password", "");
        boolean postgres = BenchServer.postgres(url);
        int port = Integer.getInteger("port", 18980);
        Map<String, String> env = BenchServer.env(url, user, password, BulkBench.ADMIN_TOKEN, work, port);
        Process server = BenchServer.start(env, work.resolve("server.log"));
        List<String[]> rows = new ArrayList<>();
        double fresh = 0;
        double slowest = Double.MAX_VALUE;
        long largest = 0;
        try {
            String base = "http://127.0.0.1:" + port;
            BenchServer.waitHealthy("http://127.0.0.1:" + (port + 1) + "/healthcheck", server);
            for (int w = 0; w < WORKERS; w++) {
                BenchServer.expect(201, BulkBench.post(base + "/api/workers", "application/json",
                        ("{\"handle\":\"" + handle(w) + "\",\"displayName\":\"Worker " + w + "\"}")
                                .getBytes(StandardCharsets.UTF_8)));
            }
            // Warm-up, so the first tenth measures a fresh database and not a cold JIT: 15,000 steps of
            // another worker, years before the others' days.
            BenchServer.expect(201, BulkBench.post(base + "/api/workers", "application/json",
                    "{\"handle\":\"warm\",\"displayName\":\"Warm\"}".getBytes(StandardCharsets.UTF_8)));
            for (int b = 0; b < 3; b++) {
                BenchServer.expect(201, BulkBench.post(base + "/api/tasks/batch", "application/json",
                        BulkBench.batch("warm", b).getBytes(StandardCharsets.UTF_8)));
            }
            int slice = Math.max(1, DAYS / 10);
            long stored = 0;
            for (int from = 0; from < DAYS; from += slice) {
                int to = Math.min(DAYS, from + slice);
                long started = System.nanoTime();
                for (int day = from; day < to; day++) {
                    HttpResponse<String> answer = BulkBench.post(base + "/api/tasks/batch", "application/json",
                            day(FIRST_DAY.plusDays(day)).getBytes(StandardCharsets.UTF_8));
                    BenchServer.expect(201, answer);
                }
                double seconds = (System.nanoTime() - started) / 1e9;
                long steps = (long) (to - from) * WORKERS * STEPS;
                stored += steps;
                double rate = steps / seconds;
                fresh = from == 0 ? rate : fresh;
                slowest = Math.min(slowest, rate);
                long bytes = postgres ? postgresBytes(url, user, password) : Files.size(Path.of(h2File + ".mv.db"));
                largest = Math.max(largest, bytes / stored);
                rows.add(new String[] {"days " + (from + 1) + "-" + to + ", " + stored + " steps stored",
                        String.format(Locale.ROOT, "%.0f steps/s", rate),
                        from == 0 ? "baseline" : String.format(Locale.ROOT, "%.0f steps/s", fresh),
                        from == 0 ? "" : String.format(Locale.ROOT, "%.2fx", rate / fresh),
                        String.format(Locale.ROOT, "%d MiB, %d B/step", bytes >> 20, bytes / stored), ""});
                System.out.println(String.join(" | ", rows.get(rows.size() - 1)));
            }
        } finally {
            server.destroy();
            server.waitFor(60, TimeUnit.SECONDS);
            System.err.println("logs: " + work);
        }
        long closed = postgres ? postgresBytes(url, user, password) : Files.size(Path.of(h2File + ".mv.db"));
        long steps = (long) WORKERS * DAYS * STEPS;
        rows.add(new String[] {"slowest tenth", String.format(Locale.ROOT, "%.0f steps/s", slowest),
                String.format(Locale.ROOT, "%.0f steps/s", fresh), String.format(Locale.ROOT, "%.2fx", slowest / fresh),
                ">= 10,000 steps/s", BenchServer.met(slowest >= TARGET_STEPS_PER_SECOND)});
        rows.add(new String[] {"largest size per stored step, while loading", largest + " B/step", "", "",
                "<= 400 B/step", BenchServer.met(largest <= TARGET_BYTES_PER_STEP)});
        rows.add(new String[] {"after the server stopped", String.format(Locale.ROOT, "%d MiB, %d B/step",
                closed >> 20, closed / steps), "", "", "<= 400 B/step",
                BenchServer.met(closed / steps <= TARGET_BYTES_PER_STEP)});
        String head = "# Ingest while the database grows\n\n" + String.format(Locale.ROOT,
                "%s; %s; %d workers x %d days x %d steps through POST /api/tasks/batch, a day of every worker a "
                        + "request; %d cores, Java %s.%n%n", Instant.now().toString().substring(0, 10),
                postgres ? "PostgreSQL" : "H2 file", WORKERS, DAYS, STEPS, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        BenchServer.publish(head, "size / target", rows, "ingest-bench.sh",
                postgres ? "ingest-postgresql.md" : "ingest.md");
    }

    static String handle(int worker) {
        return String.format(Locale.ROOT, "w%04d", worker);
    }

    /** Every worker's task of {@code date}: four steps, two of them craft, three tools. */
    static String day(LocalDate date) {
        StringBuilder json = new StringBuilder("{\"tasks\":[");
        for (int w = 0; w < WORKERS; w++) {
            json.append(w == 0 ? "" : ",").append("{\"worker\":\"").append(handle(w)).append("\",\"date\":\"")
                    .append(date).append("\",\"title\":\"Day's work\",\"steps\":[");
            for (int s = 0; s < STEPS; s++) {
                json.append(s == 0 ? "" : ",").append(BulkBench.step((s + w + date.getDayOfYear()) % 5));
            }
            json.append("]}");
        }
        return json.append("]}").toString();
    }

    static long postgresBytes(String url, String user, String password) throws SQLException {
        try (Connection db = DriverManager.getConnection(url, user, password);
             ResultSet size = db.createStatement().executeQuery("SELECT pg_database_size(current_database())")) {
            size.next();
            return size.getLong(1);
        }
    }
}
