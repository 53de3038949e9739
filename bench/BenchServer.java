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
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.craftline.db.Dialect;

/** What the benchmarks share: the real jar as a child process, its health, its heap. */
final class BenchServer {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private BenchServer() {
    }

    /**
     * The server under -Xmx512m with {@code env}, logging to {@code log}.
     * -DserverOpts="-XX:StartFlightRecording=filename=/tmp/server.jfr" profiles it.
     */
    static Process start(Map<String, String> env, Path log) throws IOException {
        return start(env, log, List.of());
    }

    /** The same, with {@code jvmOptions} before the jar (a class-data-sharing archive, say). */
    static Process start(Map<String, String> env, Path log, List<String> jvmOptions) throws IOException {
        List<String> line = new ArrayList<>(List.of(java(), "-Xmx512m"));
        line.addAll(jvmOptions);
        String serverOpts = System.getProperty("serverOpts", "").trim();
        if (!serverOpts.isEmpty()) {
            line.addAll(Arrays.asList(serverOpts.split("\\s+")));
        }
        line.addAll(List.of("-jar", "target/craftline.jar", "server", "config.yml"));
        ProcessBuilder builder = new ProcessBuilder(line);
        // A benchmark measures the server's speed, not its rate limits: one token loads the fixtures.
        builder.environment().put("CRAFTLINE_RATE_PER_SECOND", "1000000");
        builder.environment().put("CRAFTLINE_RATE_BURST", "1000000");
        builder.environment().putAll(env);
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        return builder.start();
    }

    /** Whether {@code url} is a PostgreSQL database, told apart as the server does ({@link Dialect#of}). */
    static boolean postgres(String url) {
        return Dialect.of(url) == Dialect.POSTGRESQL;
    }

    /**
     * The server's environment for a database and a pair of ports ({@code port}, and {@code port + 1}
     * for the admin side), with a fixed admin token.
     */
    static Map<String, String> env(String url, String user, String password, String adminToken, Path work, int port) {
        return Map.of(
                "CRAFTLINE_DB_URL", url,
                "CRAFTLINE_DB_DRIVER", postgres(url) ? "org.postgresql.Driver" : "org.h2.Driver",
                "CRAFTLINE_DB_USER", user, "CRAFTLINE_DB_PASSWORD", password,
                "CRAFTLINE_ADMIN_TOKEN", adminToken,
                "CRAFTLINE_ADMIN_TOKEN_FILE", work.resolve("admin-token").toString(),
                "CRAFTLINE_PORT", String.valueOf(port), "CRAFTLINE_ADMIN_PORT", String.valueOf(port + 1));
    }

    /** One of the jar's commands ({@code db migrate config.yml}), to its end; fails if it does. */
    static void run(Map<String, String> env, Path log, String... command) throws Exception {
        List<String> line = new ArrayList<>(List.of(java(), "-jar", "target/craftline.jar"));
        line.addAll(Arrays.asList(command));
        ProcessBuilder builder = new ProcessBuilder(line);
        builder.environment().putAll(env);
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        if (builder.start().waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed; see " + log);
        }
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static void waitHealthy(String url, Process server) throws Exception {
        for (int i = 0; i < 600; i++) {
            if (!server.isAlive()) {
                throw new IllegalStateException("the server stopped while starting");
            }
            try {
                if (HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("the server did not become healthy in 30 s");
    }

    /** The admin port's metric gauges (heap, memory pools, pool connections). */
    static JsonNode gauges(String admin) throws Exception {
        return JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(admin + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body()).path("gauges");
    }

    static long heapAfterGc(String admin) throws Exception {
        HTTP.send(HttpRequest.newBuilder(URI.create(admin + "/tasks/gc")).POST(HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.discarding());
        return gauges(admin).path("jvm.memory.heap.used").path("value").asLong();
    }

    /** A JSON request with a bearer token; a body of null sends a GET. */
    static HttpResponse<String> send(String url, String token, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(10))
                .header("Authorization", "Bearer " + token);
        if (json != null) {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Fails the benchmark, with the start of the answer, unless it has the status. */
    static void expect(int status, HttpResponse<String> response) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.uri() + " answered " + response.statusCode() + ": "
                    + response.body().substring(0, Math.min(500, response.body().length())));
        }
    }

    /**
     * Prints {@code head} (a title and a line saying what ran where) and {@code rows} as a Markdown
     * table whose fifth column is {@code fifthColumn}, with how to run {@code script} again, and
     * writes all of it to bench/results/{@code file}.
     */
    static void publish(String head, String fifthColumn, List<String[]> rows, String script, String file)
            throws IOException {
        StringBuilder table = new StringBuilder(head).append("| measurement | value | baseline (same run) | ratio | ")
                .append(fifthColumn).append(" | met |\n| --- | --- | --- | --- | --- | --- |\n");
        rows.forEach(row -> table.append("| ").append(String.join(" | ", row)).append(" |\n"));
        table.append("\nReproduce: `./mvnw -B -DskipTests package && bench/").append(script).append("`\n");
        System.out.println(table);
        Files.createDirectories(Path.of("bench", "results"));
        Files.writeString(Path.of("bench", "results", file), table, StandardCharsets.UTF_8);
    }

    static String met(boolean met) {
        return met ? "yes" : "**no**";
    }

    /** The server's heap, sampled through the admin port's metrics until stopped: the peaks seen. */
    static final class HeapSampler {
        private final AtomicLong peak = new AtomicLong();
        private final AtomicLong oldPeak = new AtomicLong();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;

        HeapSampler(String admin, long everyMillis) {
            thread = new Thread(() -> {
                while (running.get()) {
                    try {
                        JsonNode gauges = gauges(admin);
                        peak.accumulateAndGet(gauges.path("jvm.memory.heap.used").path("value").asLong(), Math::max);
                        oldPeak.accumulateAndGet(gauges.path("jvm.memory.pools.G1-Old-Gen.used").path("value").asLong(),
                                Math::max);
                        Thread.sleep(everyMillis);
                    } catch (Exception e) {
                        return;
                    }
                }
            });
            thread.start();
        }

        /** Stops sampling; then {@link #peak} and {@link #oldPeak} hold the largest values seen. */
        void stop() throws InterruptedException {
            running.set(false);
            thread.join();
        }

        long peak() {
            return peak.get();
        }

        long oldPeak() {
            return oldPeak.get();
        }
    }
}
