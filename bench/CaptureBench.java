import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.craftline.db.Dialect;
import org.craftline.testing.CaptureExports;

/**
 * A year of captured time in one request, against the real jar under -Xmx512m: the 3D artist's
 * year of ActivityWatch (about 500,000 events, about 100 MB of JSON; CaptureExports, seeded) and a
 * developer's year of WakaTime heartbeats, each imported by POST with the worker's rules. The
 * baseline, measured in the same run on the same file: reading it once with Jackson's streaming
 * parser in this process, token by token, doing nothing else (the floor any import of it has). The
 * server's heap is sampled every 50 ms through the admin port's metrics while it imports.
 * Targets (issue 24): >= 50,000 events/s end to end; peak heap used <= 256 MiB.
 * Prints a table and writes bench/results/capture.md (capture-postgresql.md on PostgreSQL).
 */
public final class CaptureBench {

    static final String ADMIN_TOKEN = "bench-admin-token-0123456789abcdefghijklmnopqrstuvwxyz";
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final int DAYS = Integer.getInteger("days", 365);
    static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory("craftline-capture");
        String url = System.getProperty("db.url", Dialect.h2FileUrl(work.resolve("served")));
        boolean postgres = BenchServer.postgres(url);
        int port = Integer.getInteger("port", 18780);
        Path aw = work.resolve("activitywatch-year.json");
        int awEvents;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(aw), 1 << 16)) {
            awEvents = CaptureExports.activityWatch(2023, LocalDate.parse("2023-01-01"), DAYS, BERLIN, out).records();
        }
        Path waka = work.resolve("wakatime-year.json");
        CaptureExports.WakaTimeExport wakaExport = CaptureExports.wakaTime(2023, LocalDate.parse("2023-01-01"), DAYS,
                BERLIN);
        Files.write(waka, wakaExport.json());
        int heartbeats = wakaExport.truth().size();
        wakaExport = null;

        Map<String, String> env = BenchServer.env(url, System.getProperty("db.user", "craftline"),
                System.getProperty("db.password", ""), ADMIN_TOKEN, work, port);
        Process server = BenchServer.start(env, work.resolve("server.log"));
        List<String[]> rows = new ArrayList<>();
        try {
            String base = "http://127.0.0.1:" + port;
            String admin = "http://127.0.0.1:" + (port + 1);
            BenchServer.waitHealthy(admin + "/healthcheck", server);
            for (String worker : List.of("warm", "artist", "developer")) {
                BenchServer.expect(201, BenchServer.send(base + "/api/workers", ADMIN_TOKEN,
                        "{\"handle\":\"" + worker + "\",\"displayName\":\"" + worker + "\"}"));
            }
            rules(base, "warm", CaptureExports.ARTIST_RULES);
            rules(base, "artist", CaptureExports.ARTIST_RULES);
            rules(base, "developer", CaptureExports.DEVELOPER_RULES);
            // Warm-up: a month for another worker, so the JIT is not what is measured.
            byte[] month = CaptureExports.activityWatch(1, LocalDate.parse("2022-01-01"), 30, BERLIN).json();
            BenchServer.expect(201, post(base + "/api/imports/activitywatch?zone=Europe/Berlin&worker=warm", month));

            // The same year's dry run with a pathological pattern first, and with a plain one: what a
            // worker's worst rule costs an import (each distinct title is classified once).
            for (String worker : List.of("trap", "plain")) {
                BenchServer.expect(201, BenchServer.send(base + "/api/workers", ADMIN_TOKEN,
                        "{\"handle\":\"" + worker + "\",\"displayName\":\"" + worker + "\"}"));
                String first = "{\"when\": {\"title\": \"" + (worker.equals("trap") ? "(a+)+$" : "Inbox zero")
                        + "\"}, \"activity\": \"mail\", \"mode\": \"EXECUTION\"},";
                rules(base, worker, CaptureExports.ARTIST_RULES.replace("{\"rules\": [", "{\"rules\": [" + first));
            }
            double parseSeconds = parseSeconds(aw);
            rows.add(new String[] {String.format(Locale.ROOT, "Jackson streaming parse of the same file, in this "
                    + "process (%.0f MB)", Files.size(aw) / 1e6), String.format(Locale.ROOT, "%.2f s, %.0f events/s",
                    parseSeconds, awEvents / parseSeconds), "baseline", "", "", ""});
            Measured dry = measure(admin, () -> post(base
                    + "/api/imports/activitywatch?zone=Europe/Berlin&worker=artist&dryRun=true", aw));
            BenchServer.expect(200, dry.response());
            rows.add(row("ActivityWatch year, dry run (read, classify, plan; no write)", awEvents, dry, parseSeconds));
            Measured plainRule = measure(admin, () -> post(base
                    + "/api/imports/activitywatch?zone=Europe/Berlin&worker=plain&dryRun=true", aw));
            Measured trapRule = measure(admin, () -> post(base
                    + "/api/imports/activitywatch?zone=Europe/Berlin&worker=trap&dryRun=true", aw));
            BenchServer.expect(200, trapRule.response());
            rows.add(new String[] {"the same dry run, a rule `(a+)+$` on title first", String.format(Locale.ROOT,
                    "%.2f s", trapRule.seconds()), String.format(Locale.ROOT, "a plain rule first: %.2f s",
                    plainRule.seconds()), String.format(Locale.ROOT, "%.2fx", trapRule.seconds() / plainRule.seconds()),
                    "no more than the plain one (within noise)", BenchServer.met(trapRule.seconds()
                            <= plainRule.seconds() * 1.2)});
            Measured year = measure(admin, () -> post(base + "/api/imports/activitywatch?zone=Europe/Berlin&worker=artist",
                    aw));
            BenchServer.expect(201, year.response());
            JsonNode report = JSON.readTree(year.response().body());
            String[] imported = row(String.format(Locale.ROOT, "ActivityWatch year, imported: %d events, %d days, "
                    + "%d steps", awEvents, report.path("daysImported").asInt(), report.path("steps").asInt()),
                    awEvents, year, parseSeconds);
            imported[4] = ">= 50,000 events/s";
            imported[5] = BenchServer.met(awEvents / year.seconds() >= 50_000);
            rows.add(imported);
            rows.add(heap("heap during that import: peak used (sampled every 50 ms)", year));
            Measured wakaYear = measure(admin, () -> post(base + "/api/imports/wakatime?zone=Europe/Berlin&worker=developer",
                    waka));
            BenchServer.expect(201, wakaYear.response());
            rows.add(row(String.format(Locale.ROOT, "WakaTime year, imported: %d heartbeats, %.0f MB", heartbeats,
                    Files.size(waka) / 1e6), heartbeats, wakaYear, parseSeconds(waka)));
            rows.add(heap("heap during that import: peak used", wakaYear));
        } finally {
            server.destroy();
            server.waitFor(20, TimeUnit.SECONDS);
            System.err.println("logs and files: " + work);
        }
        StringBuilder table = new StringBuilder("# A year of captured time in one request\n\n").append(String.format(
                Locale.ROOT, "%s; %s; server -Xmx512m; %d cores, Java %s; %d days generated (seed 2023).%n%n",
                Instant.now().toString().substring(0, 10), postgres ? "PostgreSQL" : "H2 file",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), DAYS));
        table.append("| measurement | value | baseline (same run) | ratio | target | met |\n"
                + "| --- | --- | --- | --- | --- | --- |\n");
        rows.forEach(row -> table.append("| ").append(String.join(" | ", row)).append(" |\n"));
        table.append("\nThe ratio is the import's time over the parse's: what reading, classifying and writing cost "
                + "beyond reading the bytes once.\n\nReproduce: `./mvnw -B -DskipTests package && bench/capture-bench.sh`\n");
        System.out.println(table);
        Files.createDirectories(Path.of("bench", "results"));
        Files.writeString(Path.of("bench", "results", postgres ? "capture-postgresql.md" : "capture.md"), table,
                StandardCharsets.UTF_8);
    }

    private static void rules(String base, String worker, String rules) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/workers/" + worker + "/rules"))
                .header("Authorization", "Bearer " + ADMIN_TOKEN).header("Content-Type", "application/json")
                .header("If-Match", "*").PUT(HttpRequest.BodyPublishers.ofString(rules)).build();
        BenchServer.expect(200, BenchServer.HTTP.send(request, HttpResponse.BodyHandlers.ofString()));
    }

    static HttpResponse<String> post(String url, byte[] body) throws Exception {
        return send(url, HttpRequest.BodyPublishers.ofByteArray(body));
    }

    static HttpResponse<String> post(String url, Path file) throws Exception {
        return send(url, HttpRequest.BodyPublishers.ofFile(file));
    }

    private static HttpResponse<String> send(String url, HttpRequest.BodyPublisher body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(10))
                .header("Authorization", "Bearer " + ADMIN_TOKEN).header("Content-Type", "application/json")
                .POST(body).build();
        return BenchServer.HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Seconds to read every token of {@code file} with Jackson's streaming parser: best of three. */
    static double parseSeconds(Path file) throws Exception {
        JsonFactory factory = new JsonFactory();
        double best = Double.MAX_VALUE;
        for (int round = 0; round < 3; round++) {
            long started = System.nanoTime();
            long tokens = 0;
            try (InputStream in = Files.newInputStream(file); JsonParser parser = factory.createParser(in)) {
                while (parser.nextToken() != null) {
                    if (parser.currentToken().isScalarValue()) {
                        parser.getText();
                    }
                    tokens++;
                }
            }
            best = Math.min(best, (System.nanoTime() - started) / 1e9);
            if (tokens == 0) {
                throw new IllegalStateException("empty file");
            }
        }
        return best;
    }

    interface Call {
        HttpResponse<String> run() throws Exception;
    }

    record Measured(HttpResponse<String> response, double seconds, long heapBefore, long heapPeak, long oldPeak) {
    }

    static Measured measure(String admin, Call call) throws Exception {
        long before = BenchServer.heapAfterGc(admin);
        BenchServer.HeapSampler heap = new BenchServer.HeapSampler(admin, 50);
        long started = System.nanoTime();
        HttpResponse<String> response = call.run();
        double seconds = (System.nanoTime() - started) / 1e9;
        heap.stop();
        return new Measured(response, seconds, before, heap.peak(), heap.oldPeak());
    }

    static String[] row(String what, int records, Measured measured, double parseSeconds) {
        return new String[] {what, String.format(Locale.ROOT, "%.2f s, %.0f events/s", measured.seconds(),
                records / measured.seconds()), "parse", String.format(Locale.ROOT, "%.1fx the parse's time",
                measured.seconds() / parseSeconds), "", ""};
    }

    static String[] heap(String what, Measured measured) {
        return new String[] {what, (measured.heapPeak() >> 20) + " MiB (old generation " + (measured.oldPeak() >> 20)
                + " MiB)", "after GC before it: " + (measured.heapBefore() >> 20) + " MiB",
                "+" + ((measured.heapPeak() - measured.heapBefore()) >> 20) + " MiB", "<= 256 MiB",
                BenchServer.met(measured.heapPeak() <= 256L << 20)};
    }
}
