package org.craftline.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/**
 * Jepsen's set test for one worker's log: clients POST tasks, alone and in batches, each request with
 * its own Idempotency-Key and each task with a marker in its title, and note every answer:
 * acknowledged (2xx), failed (4xx) or unknown (no answer, or a 5xx, after which the write may or may
 * not have happened). After a fault, every unknown request is sent again with the same key and body;
 * then every acknowledged task must be there exactly once with what was sent, no failed one may be,
 * and nothing may be there that was never sent.
 */
public final class WriteLoad {

    private static final int BATCH = 10;

    public enum Outcome { ACKNOWLEDGED, FAILED, UNKNOWN }

    /** One request as sent: its key, its body, the markers of its tasks, and what became of it. */
    public static final class Sent {
        public final String key = UUID.randomUUID().toString();
        public final String path;
        public final String body;
        public final Map<String, LocalDate> markers;
        /** Whether the request breaks a rule of its own (a step of 0 minutes), so that 422 is its answer. */
        public final boolean invalid;
        public volatile Outcome outcome = Outcome.UNKNOWN;
        /** The last answer's status and content type; 0 and null while no answer came. */
        public volatile int status;
        public volatile String contentType;
        public volatile String retryAfter;
        public volatile long sentAt;
        public volatile long answeredAt;

        Sent(String path, String body, Map<String, LocalDate> markers, boolean invalid) {
            this.path = path;
            this.body = body;
            this.markers = markers;
            this.invalid = invalid;
        }

        public long millis() {
            return TimeUnit.NANOSECONDS.toMillis(answeredAt - sentAt);
        }
    }

    /** Clients at work until {@link #stop()}. */
    public final class Clients {
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final ExecutorService pool;
        private final List<Future<?>> work = new ArrayList<>();

        private Clients(Http client, int count, Random random) {
            pool = Executors.newFixedThreadPool(count);
            for (int c = 0; c < count; c++) {
                Random own = new Random(random.nextLong());
                work.add(pool.submit(() -> {
                    while (running.get()) {
                        send(client, own);
                    }
                }));
            }
        }

        /** Stops the clients, waits for their last requests, and fails if a check inside one failed. */
        public void stop() throws Exception {
            running.set(false);
            pool.shutdown();
            assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).as("the clients stopped").isTrue();
            for (Future<?> writer : work) {
                writer.get();   // a failed check in a client (an error body with internals, say) fails the test
            }
        }
    }

    private final String worker;
    private final List<Sent> all = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger days = new AtomicInteger();
    private final AtomicInteger tasks = new AtomicInteger();
    /** Retries after a fault; those answered 503; those answered 503 again after waiting the Retry-After given. */
    private final AtomicInteger retries = new AtomicInteger();
    private final AtomicInteger retries503 = new AtomicInteger();
    private final AtomicInteger outlived503 = new AtomicInteger();

    public WriteLoad(String worker) {
        this.worker = worker;
    }

    /** Starts {@code count} clients sending through {@code client} until they are stopped. */
    public Clients start(Http client, int count, Random random) {
        return new Clients(client, count, random);
    }

    /** Every request sent so far. */
    public List<Sent> all() {
        return List.copyOf(all);
    }

    /** The markers of the tasks acknowledged so far. */
    public Set<String> acknowledged() {
        return all().stream().filter(sent -> sent.outcome == Outcome.ACKNOWLEDGED)
                .flatMap(sent -> sent.markers.keySet().stream()).collect(Collectors.toSet());
    }

    /** The markers of every task sent so far, answered or not. */
    public Set<String> sentMarkers() {
        return all().stream().flatMap(sent -> sent.markers.keySet().stream()).collect(Collectors.toSet());
    }

    /** A single task or a batch; one request in ten is invalid (a step of 0 minutes) and must be refused. */
    private Sent next(Random random) {
        boolean batch = random.nextInt(3) == 0;
        boolean invalid = random.nextInt(10) == 0;
        Map<String, LocalDate> markers = new HashMap<>();
        List<Map<String, Object>> bodies = new ArrayList<>();
        for (int i = 0; i < (batch ? BATCH : 1); i++) {
            String marker = "load-" + tasks.incrementAndGet();
            LocalDate date = LocalDate.of(1990, 1, 1).plusDays(days.incrementAndGet());
            Map<String, Object> task = Payloads.task(worker, date.toString());
            task.put("title", marker);
            if (invalid && i == 0) {
                Payloads.steps(task).get(0).put("minutes", 0);
            }
            markers.put(marker, date);
            bodies.add(task);
        }
        return batch ? new Sent("/api/tasks/batch", Http.json(Map.of("tasks", bodies)), markers, invalid)
                : new Sent("/api/tasks", Http.json(bodies.get(0)), markers, invalid);
    }

    /** Sends the next request through {@code client}, one at a time; what became of it. */
    public Sent send(Http client, Random random) {
        Sent sent = next(random);
        all.add(sent);
        send(client, sent);
        return sent;
    }

    /** Sends {@code sent} and notes what became of it; no answer, or a 5xx, leaves it unknown. */
    public static void send(Http client, Sent sent) {
        sent.sentAt = System.nanoTime();
        try {
            Http.Reply reply = client.withHeader("Idempotency-Key", sent.key).post(sent.path, sent.body);
            sent.status = reply.status();
            sent.contentType = reply.contentType();
            sent.retryAfter = reply.header("Retry-After");
            if (reply.status() >= 200 && reply.status() < 300) {
                sent.outcome = Outcome.ACKNOWLEDGED;
            } else if (reply.status() >= 400 && reply.status() < 500) {
                sent.outcome = Outcome.FAILED;
            }
        } catch (RuntimeException noAnswer) {
            // The server died under it: the request may or may not have been written.
        } finally {
            sent.answeredAt = System.nanoTime();
        }
    }

    /**
     * Sends every unknown request again, with its key and body, as a client should: a 503 means
     * "not now", so it tries again after {@code Retry-After}, up to three times. Each must then
     * have an answer that settles it.
     */
    public void retryUnknown(Http client) throws InterruptedException {
        for (Sent sent : all()) {
            for (int attempt = 0; attempt < 3 && sent.outcome == Outcome.UNKNOWN; attempt++) {
                boolean waitedForRetryAfter = attempt > 0 && sent.status == 503 && sent.retryAfter != null;
                if (attempt > 0) {
                    Thread.sleep(1_000L * Math.min(5, sent.retryAfter == null ? 1 : Integer.parseInt(sent.retryAfter)));
                }
                send(client, sent);
                retries.incrementAndGet();
                if (sent.status == 503) {
                    retries503.incrementAndGet();
                    if (waitedForRetryAfter) {
                        outlived503.incrementAndGet();
                    }
                }
            }
            assertThat(sent.outcome).as("a retry of %s is answered (%d)", sent.key, sent.status)
                    .isNotEqualTo(Outcome.UNKNOWN);
        }
    }

    /** What the load saw, in one line, for a long run's figures. */
    public String summary() {
        Map<Integer, Integer> statuses = new TreeMap<>();
        all().forEach(sent -> statuses.merge(sent.status, 1, Integer::sum));
        return "requests " + all().size() + ", last answers by status " + statuses + " (0: none), retries after a fault "
                + retries + ", of which answered 503: " + retries503 + ", 503 again after waiting its Retry-After: "
                + outlived503;
    }

    /** Retries answered 503 again after waiting the Retry-After the first 503 gave. */
    public int retriesThatOutlivedRetryAfter() {
        return outlived503.get();
    }

    /** Every acknowledged task once, with its date and steps; no refused one; nothing never sent. */
    public void assertTheSetHolds(Http client, String when) {
        List<Sent> requests = all();
        Map<String, Integer> present = new HashMap<>();
        Map<String, JsonNode> stored = new HashMap<>();
        for (JsonNode task : client.get("/api/export?worker=" + worker).json().path("tasks")) {
            present.merge(task.path("title").asText(), 1, Integer::sum);
            stored.put(task.path("title").asText(), task);
        }
        Map<String, Sent> byMarker = new HashMap<>();
        requests.forEach(sent -> sent.markers.keySet().forEach(marker -> byMarker.put(marker, sent)));
        int acknowledged = 0;
        for (Sent sent : requests) {
            for (Map.Entry<String, LocalDate> marker : sent.markers.entrySet()) {
                Integer copies = present.get(marker.getKey());
                if (sent.outcome == Outcome.ACKNOWLEDGED) {
                    acknowledged++;
                    assertThat(copies).as("%s: acknowledged %s, present once", when, marker.getKey()).isEqualTo(1);
                    JsonNode task = stored.get(marker.getKey());
                    assertThat(task.path("date").asText()).isEqualTo(marker.getValue().toString());
                    assertThat(task.path("steps").findValuesAsText("minutes")).containsExactly("60", "30");
                } else {
                    assertThat(copies).as("%s: refused %s, absent", when, marker.getKey()).isNull();
                }
            }
        }
        assertThat(byMarker.keySet()).as("%s: nothing that was never sent", when).containsAll(present.keySet());
        assertThat(acknowledged).as("%s: some writes went through", when).isPositive();
    }

    /**
     * Read straight from the database (the server stopped, for H2): each day's rollup equals what
     * that day's steps add up to, for this load's worker.
     */
    public void assertRollupsEqualTheSteps(Map<String, String> databaseEnvironment) {
        Jdbi jdbi = Jdbi.create(databaseEnvironment.get("CRAFTLINE_DB_URL"),
                databaseEnvironment.getOrDefault("CRAFTLINE_DB_USER", "craftline"),
                databaseEnvironment.getOrDefault("CRAFTLINE_DB_PASSWORD", ""));
        String fromSteps = """
                SELECT s.work_date, SUM(s.minutes), SUM(CASE WHEN s.mode = 'CRAFT' THEN s.minutes ELSE 0 END), COUNT(*)
                FROM steps s JOIN workers w ON w.id = s.worker_id WHERE w.handle = :worker
                GROUP BY s.work_date""";
        String fromRollups = """
                SELECT d.work_date, d.minutes, d.craft_minutes, d.step_count
                FROM worker_days d JOIN workers w ON w.id = d.worker_id WHERE w.handle = :worker AND d.minutes > 0""";
        assertThat(days(jdbi, fromRollups)).isEqualTo(days(jdbi, fromSteps)).isNotEmpty();
    }

    private Map<String, String> days(Jdbi jdbi, String sql) {
        return jdbi.withHandle(handle -> handle.createQuery(sql).bind("worker", worker)
                .reduceRows(new TreeMap<String, String>(), (days, row) -> {
                    days.put(row.getColumn(1, String.class), row.getColumn(2, Long.class) + "/"
                            + row.getColumn(3, Long.class) + "/" + row.getColumn(4, Long.class));
                    return days;
                }));
    }
}
