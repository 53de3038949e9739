package org.craftline.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.craftline.testing.Http;
import org.craftline.testing.Payloads;
import org.craftline.testing.ProcessLevel;
import org.craftline.testing.ServerProcess;
import org.craftline.testing.TestApp;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM with writes in flight, to the real server in a process of its own: the writes under way
 * finish and are kept, new connections are refused, and the process exits within the grace period
 * (config.yml's shutdownGracePeriod, 10 s).
 */
@ProcessLevel
class GracefulShutdownTest {

    private static final int BATCHES = 4;
    private static final int TASKS_PER_BATCH = 300;
    private static final Duration GRACE_PERIOD = Duration.ofSeconds(10);
    private static final String ACTIVE_REQUESTS = "io.dropwizard.jetty.MutableServletContextHandler.active-requests";

    /** A batch of one-a-day tasks, on days no other batch uses. */
    private static String batch(String worker, int number) {
        LocalDate first = LocalDate.of(2000, 1, 1).plusDays((long) number * TASKS_PER_BATCH);
        List<Map<String, Object>> tasks = new ArrayList<>();
        for (int day = 0; day < TASKS_PER_BATCH; day++) {
            tasks.add(Payloads.task(worker, first.plusDays(day).toString()));
        }
        return Http.json(Map.of("tasks", tasks));
    }

    @Test
    void sigterm_letsWritesInFlightFinish_refusesNewConnections_andExitsInTime() throws Exception {
        Path database = TestApp.newDatabaseFile();
        String worker = TestApp.uniqueHandle("term");
        List<CompletableFuture<Http.Reply>> inFlight = new ArrayList<>();
        ExecutorService clients = Executors.newFixedThreadPool(BATCHES);
        try (ServerProcess server = ServerProcess.start(database, Map.of())) {
            Http admin = server.admin().withTimeout(Duration.ofSeconds(60));
            TestApp.createWorker(admin, worker);
            List<String> bodies = new ArrayList<>();
            for (int number = 0; number < BATCHES; number++) {
                bodies.add(batch(worker, number));
            }
            for (String body : bodies) {
                inFlight.add(CompletableFuture.supplyAsync(() -> admin.post("/api/tasks/batch", body), clients));
            }
            awaitRequestsUnderWay(server);

            long signalled = System.nanoTime();
            server.terminate();
            long unanswered = inFlight.stream().filter(write -> !write.isDone()).count();
            boolean refused = awaitRefusal(server.port());
            boolean exited = server.awaitExit(GRACE_PERIOD.plusSeconds(5));
            Duration toExit = Duration.ofNanos(System.nanoTime() - signalled);

            assertThat(unanswered).as("batches still unanswered when SIGTERM was sent").isPositive();
            assertThat(refused).as("a new connection is refused after SIGTERM").isTrue();
            assertThat(exited).as("exited within the grace period; log:\n%s", server.log()).isTrue();
            assertThat(toExit).isLessThan(GRACE_PERIOD.plusSeconds(5));
            for (CompletableFuture<Http.Reply> write : inFlight) {
                Http.Reply reply = write.get(30, TimeUnit.SECONDS);
                assertThat(reply.status()).as("a batch in flight at SIGTERM: %s", reply.body()).isEqualTo(201);
            }
        } finally {
            clients.shutdownNow();
        }

        try (ServerProcess again = ServerProcess.start(database, Map.of())) {
            Http.Reply all = again.admin().get("/api/export?worker=" + worker + "&format=csv");
            assertThat(all.status()).isEqualTo(200);
            long steps = all.body().lines().count() - 1;
            assertThat(steps).as("every step of every acknowledged batch, once").isEqualTo(BATCHES * TASKS_PER_BATCH * 2L);
        }
    }

    /** Waits until the server is handling at least one of the batches (its own gauge says so). */
    private static void awaitRequestsUnderWay(ServerProcess server) throws InterruptedException {
        for (int i = 0; i < 300 && server.metric(ACTIVE_REQUESTS) == 0; i++) {
            Thread.sleep(10);
        }
        assertThat(server.metric(ACTIVE_REQUESTS)).as("batches under way before SIGTERM").isPositive();
    }

    /** Whether, within 5 s of SIGTERM, a new connection to the API is refused. */
    private static boolean awaitRefusal(int port) throws InterruptedException {
        Http anonymous = new Http(port).withTimeout(Duration.ofSeconds(2));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            try {
                anonymous.get("/api/openapi.json");
            } catch (UncheckedIOException refused) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }
}
