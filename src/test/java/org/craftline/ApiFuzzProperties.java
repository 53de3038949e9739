package org.craftline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.DropwizardTestSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.craftline.testing.Http;
import org.craftline.testing.Payloads;
import org.craftline.testing.RawHttp;
import org.craftline.testing.TestApp;
import org.jdbi.v3.core.Jdbi;

/**
 * Fuzzing through real HTTP: arbitrary and near-valid JSON to every POST and PUT, arbitrary CSV to
 * the imports, arbitrary query strings to every GET. Whatever arrives, the answer is never a 5xx,
 * every 4xx is a problem body without internals ({@link ErrorSweep}, through {@link Http}), and a
 * refused request writes nothing: every table is read before and after it and must be the same.
 */
class ApiFuzzProperties {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static DropwizardTestSupport<CraftlineConfiguration> app;
    private static Jdbi database;
    private static Http admin;
    private static Http worker;
    private static String handle;
    private static String taskPath;

    @BeforeContainer
    static void start() throws Exception {
        app = TestApp.support(TestApp.newDatabaseFile());
        app.before();
        database = TestApp.jdbi(app.getConfiguration());
        admin = new Http(app.getLocalPort()).as(TestApp.ADMIN_TOKEN);
        handle = TestApp.uniqueHandle("fuzz");
        TestApp.createWorker(admin, handle);
        worker = TestApp.signedIn(admin, handle, "WORKER");
        taskPath = worker.post("/api/tasks", Http.json(Payloads.task(handle, "2023-03-01"))).header("Location");
        worker.post("/api/events", Http.json(Payloads.event(handle, "2023-03-02", "adopted a generator")));
    }

    @AfterContainer
    static void stop() {
        app.after();
    }

    // ---- what is sent -------------------------------------------------------------------------

    /** Field names the API knows, so that random objects often reach its rules, not only the parser. */
    private static final List<String> FIELDS = List.of("worker", "date", "title", "note", "steps", "activity",
            "minutes", "mode", "tool", "discretion", "mediation", "label", "handle", "displayName", "occupation",
            "team", "role", "expiresAt", "tasks", "from", "to", "id", "version");

    /** Scalars at the edges: extreme numbers, dates outside the range, text XML cannot hold. */
    private static Arbitrary<Object> scalars() {
        return Arbitraries.oneOf(
                Arbitraries.just(null),
                Arbitraries.of(true, false),
                Arbitraries.of(0, -1, 1, 1440, 1441, Integer.MAX_VALUE, Integer.MIN_VALUE, Long.MAX_VALUE,
                        Long.MIN_VALUE, 1e308, -0.0, 12.5, 3.0),
                Arbitraries.integers(),
                Arbitraries.of("2023-03-01", "0000-01-01", "-0001-12-31", "+10000-01-01", "1899-12-31", "2201-01-01",
                        "2023-02-30", "2023-3-1", "20230301", "2023-03-01T00:00:00Z", "9999-12-31T23:59:59Z",
                        "CRAFT", "craft", " EXECUTION ", "SELF", "GENERATED", "WORKER", "ADMIN", "ANALYST",
                        "Midjourney v5", "", " ", "\u0000", "a\u0001b", "\uFFFE", "\uD800", "<svg>", "=1+1",
                        "'; DROP TABLE tasks; --", "x".repeat(5000)),
                Arbitraries.strings().all().ofMaxLength(40).map(Object.class::cast));
    }

    private static Arbitrary<Object> values(int depth) {
        if (depth == 0) {
            return scalars();
        }
        Arbitrary<String> keys = Arbitraries.oneOf(Arbitraries.of(FIELDS), Arbitraries.strings().ofMaxLength(8));
        Arbitrary<Object> object = Arbitraries.maps(keys, Arbitraries.lazy(() -> values(depth - 1)))
                .ofMaxSize(6).map(LinkedHashMap::new);
        Arbitrary<Object> array = Arbitraries.lazy(() -> values(depth - 1)).list().ofMaxSize(4).map(Object.class::cast);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, scalars()), net.jqwik.api.Tuple.of(2, object), net.jqwik.api.Tuple.of(1, array));
    }

    /** Any JSON at all: a value up to three levels deep. */
    private static Arbitrary<String> anyJson() {
        return values(3).map(Http::json);
    }

    /** Text that is not quite JSON: cut short, doubled, or not JSON at all. */
    private static Arbitrary<String> brokenJson() {
        return Arbitraries.oneOf(
                anyJson().map(json -> json.substring(0, json.length() / 2)),
                anyJson().map(json -> json + json),
                Arbitraries.strings().all().ofMaxLength(60),
                Arbitraries.of("", "{", "[]", "{\"a\":1,\"a\":2}", "{\"steps\":[{}]}", "null", "\"text\"", "{}x"));
    }

    /** A valid body with one field, at any depth of the first step, replaced, removed or added. */
    private static Arbitrary<String> nearValid(Map<String, Object> valid) {
        Arbitrary<String> field = Arbitraries.of(FIELDS);
        return Combinators.combine(field, values(1), Arbitraries.integers().between(0, 3)).as((name, value, how) -> {
            Map<String, Object> body = copy(valid);
            Map<String, Object> target = body;
            if (how >= 2 && body.get("steps") instanceof List<?> steps && !steps.isEmpty()) {
                @SuppressWarnings("unchecked")
                Map<String, Object> firstStep = (Map<String, Object>) steps.get(0);
                target = firstStep;
            }
            if (how % 2 == 0) {
                target.put(name, value);
            } else {
                target.remove(name);
            }
            return Http.json(body);
        });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> copy(Map<String, Object> value) {
        try {
            return JSON.readValue(JSON.writeValueAsString(value), LinkedHashMap.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Arbitrary<String> bodies(Map<String, Object> valid) {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, nearValid(valid)),
                net.jqwik.api.Tuple.of(2, anyJson()),
                net.jqwik.api.Tuple.of(1, brokenJson()));
    }

    // ---- what must hold -----------------------------------------------------------------------

    /** Every table, every row, in a stable order: what a refused request must leave as it was. */
    private static String snapshot() {
        return database.withHandle(handle -> {
            List<String> tables = handle.createQuery("""
                            SELECT table_name FROM information_schema.tables
                            WHERE LOWER(table_schema) = 'public' AND table_type IN ('TABLE', 'BASE TABLE')
                            ORDER BY table_name""")
                    .mapTo(String.class).list();
            StringBuilder all = new StringBuilder();
            for (String table : tables) {
                List<String> rows = handle.createQuery("SELECT * FROM " + table).mapToMap().stream()
                        .map(row -> new java.util.TreeMap<>(row).toString()).sorted().toList();
                all.append(table).append(rows).append('\n');
            }
            return all.toString();
        });
    }

    /** Sends the request; a 5xx fails, and a 4xx must have changed nothing in the database. */
    private static Http.Reply refusedWritesNothing(Http client, String method, String path, String contentType,
                                                   String body, String ifMatch) {
        String before = snapshot();
        Http sender = ifMatch == null ? client : client.withHeader("If-Match", ifMatch);
        Http.Reply reply = sender.send(method, path, contentType, body);
        assertThat(reply.status()).as("%s %s with %s -> %s", method, path, body, reply.body()).isLessThan(500);
        if (reply.status() >= 400) {
            assertThat(snapshot()).as("a refused %s %s wrote something: %s", method, path, body).isEqualTo(before);
        }
        return reply;
    }

    // ---- the properties -----------------------------------------------------------------------

    @Provide
    Arbitrary<String> taskBodies() {
        return bodies(Payloads.task(handle, "2023-03-03"));
    }

    @Property(tries = 150)
    void postTask(@ForAll("taskBodies") String body) {
        refusedWritesNothing(worker, "POST", "/api/tasks", "application/json", body, null);
    }

    @Property(tries = 100)
    void putTask(@ForAll("taskBodies") String body) {
        String etag = worker.get(taskPath).header("ETag");
        refusedWritesNothing(worker, "PUT", taskPath, "application/json", body, etag);
    }

    @Provide
    Arbitrary<String> batchBodies() {
        Map<String, Object> batch = new LinkedHashMap<>();
        batch.put("tasks", List.of(Payloads.task(handle, "2023-03-04"), Payloads.task(handle, "2023-03-05")));
        return Arbitraries.oneOf(bodies(batch), taskBodies().map(task -> "{\"tasks\":[" + task + "]}"),
                taskBodies().map(task -> "[" + task + "," + task + "]"));
    }

    @Property(tries = 100)
    void postBatch(@ForAll("batchBodies") String body) {
        refusedWritesNothing(worker, "POST", "/api/tasks/batch", "application/json", body, null);
    }

    @Provide
    Arbitrary<String> eventBodies() {
        return bodies(Payloads.event(handle, "2023-03-06", "switched tools"));
    }

    @Property(tries = 100)
    void postEvent(@ForAll("eventBodies") String body) {
        refusedWritesNothing(worker, "POST", "/api/events", "application/json", body, null);
    }

    @Provide
    Arbitrary<String> workerBodies() {
        return bodies(Payloads.worker("fuzzed"));
    }

    @Property(tries = 100)
    void postWorker(@ForAll("workerBodies") String body) {
        refusedWritesNothing(admin, "POST", "/api/workers", "application/json", body, null);
    }

    @Provide
    Arbitrary<String> tokenBodies() {
        return bodies(Map.of("role", "WORKER", "label", "phone", "expiresAt", "2027-01-31T00:00:00Z"));
    }

    @Property(tries = 100)
    void postToken(@ForAll("tokenBodies") String body) {
        refusedWritesNothing(admin, "POST", "/api/workers/" + handle + "/tokens", "application/json", body, null);
    }

    @Provide
    Arbitrary<String> csvFiles() {
        String header = "User,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,"
                + "End time,Duration,Tags,Amount ()";
        Arbitrary<String> cell = Arbitraries.oneOf(scalars().map(String::valueOf),
                Arbitraries.of("2023-03-07", "09:00:00", "10:30:00", "01:30:00", "craft", "execution", "\"", "\"\"",
                        "a,b", "\r", "\n"));
        Arbitrary<String> row = cell.list().ofMinSize(1).ofMaxSize(15).map(cells -> String.join(",", cells));
        return Combinators.combine(Arbitraries.of(header, "", "Start date,Duration", "\uFEFF" + header),
                        row.list().ofMaxSize(5))
                .as((head, rows) -> head + "\n" + String.join("\n", rows));
    }

    @Property(tries = 100)
    void postImport(@ForAll("csvFiles") String csv, @ForAll("trackers") String tracker,
                    @ForAll("importParameters") String parameters) {
        refusedWritesNothing(worker, "POST", "/api/imports/" + tracker + "?worker=" + handle + parameters,
                "text/csv", csv, null);
    }

    @Provide
    Arbitrary<String> trackers() {
        return Arbitraries.of("toggl", "clockify");
    }

    @Provide
    Arbitrary<String> importParameters() {
        return Arbitraries.of("", "&defaultMode=CRAFT", "&defaultMode=EXECUTION", "&skipInvalid=true", "&dryRun=true",
                "&defaultMode=bogus", "&skipInvalid=maybe", "&dryRun=1");
    }

    /** Every GET route, with the path parameters of things that exist (and some that do not). */
    @Provide
    Arbitrary<String> getPaths() {
        return Arbitraries.of("/api/tasks", "/api/reports/deskilling", "/api/export", "/api/events", "/api/workers",
                "/api/me", "/api/openapi.json", "/api/workers/" + handle, "/api/workers/" + handle + "/tokens",
                taskPath, "/api/tasks/999999999999999999", "/api/events/1", "/api/workers/nobody");
    }

    /** Query strings of known and unknown parameters, with values at the edges, encoded or not. */
    @Provide
    Arbitrary<String> queryStrings() {
        Arbitrary<String> name = Arbitraries.oneOf(Arbitraries.of("worker", "team", "from", "to", "window", "bucket",
                        "format", "mode", "limit", "cursor", "date", "tool", "q", "worker[]", "access_token"),
                Arbitraries.strings().alpha().ofMaxLength(6));
        Arbitrary<String> value = Arbitraries.oneOf(scalars().map(String::valueOf),
                Arbitraries.of(handle, "environment-art", "week", "month", "csv", "svg", "json", "2023-01-01",
                        "99999999999999999999", "-5", "NaN", "%", "%zz", "%00", "a&b=c"));
        Arbitrary<String> pair = Combinators.combine(name, value, Arbitraries.of(true, false))
                .as((n, v, encode) -> n + "=" + (encode ? URLEncoder.encode(v, StandardCharsets.UTF_8) : bare(v)));
        return pair.list().ofMaxSize(5).map(pairs -> pairs.stream().collect(Collectors.joining("&")));
    }

    /** {@code value} as sent by a careless client: only what cannot be on a request line is encoded. */
    private static String bare(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            if (b > 0x20 && b < 0x7f) {
                out.append((char) b);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    @Property(tries = 250)
    void get(@ForAll("getPaths") String path, @ForAll("queryStrings") String query, @ForAll boolean asAdmin) {
        Http client = asAdmin ? admin : worker;
        String uri = path + "?" + query;
        Http.Reply reply;
        try {
            reply = client.get(uri);
        } catch (IllegalArgumentException notAUri) {
            // Java's client refuses to send some strings (a bare % or a space) at all; send them raw.
            reply = null;
            RawHttp.Answer answer = RawHttp.send(app.getLocalPort(), "GET " + uri + " HTTP/1.1\r\nHost: x\r\n"
                    + "Authorization: Bearer " + TestApp.ADMIN_TOKEN + "\r\nConnection: close\r\n\r\n");
            assertThat(answer.status()).as("GET %s -> %s", uri, answer.body()).isBetween(200, 499);
        }
        if (reply != null) {
            assertThat(reply.status()).as("GET %s -> %s", uri, reply.body()).isLessThan(500);
        }
    }

    /** Report parameters one at a time at their edges, the rest valid: every date and number from outside. */
    @Provide
    Arbitrary<String> reportQueries() {
        Arbitrary<String> date = Arbitraries.of("1900-01-01", "2200-12-31", "1899-12-31", "2201-01-01", "0001-01-01",
                "0000-01-01", "-999999999-01-01", "+999999999-12-31", "9999-12-31", "2023-02-29", "2024-02-29", "");
        Arbitrary<String> number = Arbitraries.of("0", "1", "2", "52", "53", "-1", "2147483648", "9223372036854775808",
                "1e3", "0x10", "", " 2");
        return Combinators.combine(date, date, number, Arbitraries.of("week", "month", "day", ""),
                Arbitraries.of("json", "csv", "svg", "xml"), Arbitraries.of(handle, "nobody", ""))
                .as((from, to, window, bucket, format, who) -> "worker=" + who + "&from=" + from + "&to=" + to
                        + "&window=" + URLEncoder.encode(window, StandardCharsets.UTF_8) + "&bucket=" + bucket
                        + "&format=" + format);
    }

    @Property(tries = 150)
    void getReport(@ForAll("reportQueries") String query, @ForAll boolean asAdmin) {
        Http.Reply reply = (asAdmin ? admin : worker).get("/api/reports/deskilling?" + query.replace("+", "%2B"));
        assertThat(reply.status()).as("GET %s -> %s", query, reply.body()).isLessThan(500);
    }

    /** Sanity for the properties above: the snapshot sees a write, so "unchanged" means something. */
    @Property(tries = 1)
    void theSnapshotSeesAWrite() {
        String before = snapshot();
        worker.post("/api/tasks", Http.json(Payloads.task(handle, "2023-03-09")));
        assertThat(snapshot()).isNotEqualTo(before);
    }
}
