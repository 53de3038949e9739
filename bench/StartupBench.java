import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Start to healthy on an existing database, three ways in the same run, each the median of
 * {@code -Drounds=5} starts taken in turn: Liquibase's full check (the schema fingerprint forgotten
 * before each start, as every start was before it), the fingerprint current, and the fingerprint
 * with a class-data-sharing archive of the server's classes (made once from a start that served a
 * request). The database is loaded first through {@code POST /api/tasks/batch}
 * ({@code -Dbatches=40}: 200,000 steps). Writes bench/results/startup.md.
 */
public final class StartupBench {

    static final int PORT = 18580;
    static final int ROUNDS = Integer.getInteger("rounds", 5);
    static final int BATCHES = Integer.getInteger("batches", 40);

    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory("craftline-startup");
        String url = System.getProperty("db.url", "jdbc:h2:file:" + work.resolve("craftline") + ";WRITE_DELAY=0");
        String user = System.getProperty("db.user", "sa");
        String password = System.getProperty("db.password", "");
        boolean postgres = BenchServer.postgres(url);
        Map<String, String> env = BenchServer.env(url, user, password, BulkBench.ADMIN_TOKEN, work, PORT);
        String base = "http://127.0.0.1:" + PORT;
        String health = "http://127.0.0.1:" + (PORT + 1) + "/healthcheck";
        Path archive = work.resolve("craftline.jsa");

        Process loader = BenchServer.start(env, work.resolve("load.log"),
                List.of("-XX:ArchiveClassesAtExit=" + archive));
        BenchServer.waitHealthy(health, loader);
        BenchServer.expect(201, BulkBench.post(base + "/api/workers", "application/json",
                "{\"handle\":\"bench\",\"displayName\":\"Bench\"}".getBytes(StandardCharsets.UTF_8)));
        for (int b = 0; b < BATCHES; b++) {
            BenchServer.expect(201, BulkBench.post(base + "/api/tasks/batch", "application/json",
                    BulkBench.batch("bench", b).getBytes(StandardCharsets.UTF_8)));
        }
        stop(loader);
        long steps = (long) BATCHES * BulkBench.TASKS * BulkBench.STEPS;

        List<List<Double>> seconds = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (int round = 0; round < ROUNDS; round++) {
            forgetFingerprint(url, user, password);
            seconds.get(0).add(startToHealthy(env, work, health, List.of()));
            seconds.get(1).add(startToHealthy(env, work, health, List.of()));
            seconds.get(2).add(startToHealthy(env, work, health, List.of("-XX:SharedArchiveFile=" + archive)));
        }
        double liquibase = median(seconds.get(0));
        double fingerprint = median(seconds.get(1));
        double shared = median(seconds.get(2));
        String table = "# Start to healthy on an existing database\n\n"
                + LocalDate.now() + "; " + (postgres ? "PostgreSQL" : "H2 file") + " holding " + steps
                + " steps; server -Xmx512m; median of " + ROUNDS + " starts each, taken in turn; "
                + Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version")
                + ".\n\n| measurement | value | baseline (same run) | ratio | target | met |\n"
                + "| --- | --- | --- | --- | --- | --- |\n"
                + row("Liquibase's full check at every start (the fingerprint forgotten first)", liquibase, "baseline",
                        "", "", "")
                + row("the changelog's fingerprint current: Liquibase skipped", fingerprint,
                        secondsText(liquibase), ratio(fingerprint, liquibase), "<= 4 s",
                        BenchServer.met(fingerprint <= 4))
                + row("the same with a class-data-sharing archive (docs/operations.md)", shared,
                        secondsText(liquibase), ratio(shared, liquibase), "<= 4 s", BenchServer.met(shared <= 4))
                + "\nEach start: " + Arrays.toString(seconds.toArray()) + " s.\n\n"
                + "Reproduce: `./mvnw -B -DskipTests package && bench/startup-bench.sh`\n";
        System.out.println(table);
        Path results = Path.of("bench", "results");
        Files.createDirectories(results);
        Files.writeString(results.resolve(postgres ? "startup-postgresql.md" : "startup.md"), table,
                StandardCharsets.UTF_8);
        System.err.println("logs and database: " + work);
    }

    static double startToHealthy(Map<String, String> env, Path work, String health, List<String> options)
            throws Exception {
        long start = System.nanoTime();
        Process server = BenchServer.start(env, work.resolve("start.log"), options);
        BenchServer.waitHealthy(health, server);
        double seconds = (System.nanoTime() - start) / 1e9;
        stop(server);
        return seconds;
    }

    /** As every database was before the fingerprint: the next start runs Liquibase (and records it again). */
    static void forgetFingerprint(String url, String user, String password) throws Exception {
        try (Connection connection = DriverManager.getConnection(url, user, password);
             Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM schema_fingerprint");
        }
    }

    static void stop(Process server) throws Exception {
        server.destroy();
        if (!server.waitFor(60, TimeUnit.SECONDS)) {
            server.destroyForcibly().waitFor();
        }
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    static String row(String what, double seconds, String baseline, String ratio, String target, String met) {
        return "| " + what + " | " + secondsText(seconds) + " | " + baseline + " | " + ratio + " | " + target + " | "
                + met + " |\n";
    }

    static String secondsText(double seconds) {
        return String.format(Locale.ROOT, "%.2f s", seconds);
    }

    static String ratio(double value, double baseline) {
        return String.format(Locale.ROOT, "%.2fx", value / baseline);
    }

    private StartupBench() {
    }
}
