package org.craftline.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.craftline.problem.Problem;
import org.craftline.testing.NoDatabase;
import org.craftline.testing.PostgresCluster;
import org.craftline.testing.ProcessLevel;
import org.craftline.testing.ServerProcess;
import org.craftline.testing.TestApp;
import org.craftline.testing.WriteLoad;
import org.junit.jupiter.api.Test;

/**
 * The database fails under a running server, which must answer quickly and truthfully (503 or 507
 * problem+json, never a hang or a 500), keep what it acknowledged, and recover by itself once the
 * database is back, without a restart. Each test brings its own database, a PostgreSQL cluster it
 * may stop or an H2 file on a file system it may fill, so it runs once, in the H2 execution.
 */
@NoDatabase
@ProcessLevel
class DatabaseFaultTest {

    /** How long any request may take while the database is down. */
    private static final long ANSWER_WITHIN_MILLIS = 2_000;

    @Test
    void postgresqlStoppedUnderLoad_answers503_turnsUnhealthy_andRecoversWithoutARestart() throws Exception {
        PostgresCluster postgres = PostgresCluster.startPrivate();
        try {
            postgres.createDatabase("faults");
            ServerProcess server = ServerProcess.start(TestApp.newDatabaseFile(), Map.of(
                    "CRAFTLINE_DB_URL", postgres.jdbcUrl("faults"), "CRAFTLINE_DB_DRIVER", "org.postgresql.Driver",
                    "CRAFTLINE_DB_USER", PostgresCluster.USER, "CRAFTLINE_DB_PASSWORD", PostgresCluster.PASSWORD));
            try {
                String worker = TestApp.uniqueHandle("fault");
                TestApp.createWorker(server.admin(), worker);
                WriteLoad load = new WriteLoad(worker);
                WriteLoad.Clients clients = load.start(server.admin(), 4, new Random());
                Thread.sleep(1_000);

                postgres.stopServerAbruptly();
                long down = System.nanoTime();
                Thread.sleep(3_000);
                int healthWhileDown = server.healthStatus();
                long restarting = System.nanoTime();
                postgres.startServer();
                long recovered = awaitHealthy(server, 30);
                Thread.sleep(1_000);
                clients.stop();

                List<WriteLoad.Sent> whileDown = load.all().stream()
                        .filter(sent -> sent.sentAt > down && sent.answeredAt < restarting).toList();
                assertThat(whileDown).as("requests sent while the database was down").hasSizeGreaterThan(20);
                assertThat(whileDown).allSatisfy(sent -> {
                    assertThat(sent.status).as("answered").isEqualTo(503);
                    assertThat(sent.contentType).isEqualTo(Problem.MEDIA_TYPE);
                    assertThat(sent.retryAfter).isEqualTo("5");
                    assertThat(sent.millis()).as("answered in ms").isLessThanOrEqualTo(ANSWER_WITHIN_MILLIS);
                });
                assertThat(healthWhileDown).as("health while the database was down").isEqualTo(500);
                assertThat(load.all()).as("writes acknowledged after the database came back")
                        .anyMatch(sent -> sent.sentAt > recovered && sent.outcome == WriteLoad.Outcome.ACKNOWLEDGED);
                assertThat(server.process().isAlive()).as("the same server process throughout").isTrue();

                load.retryUnknown(server.admin());
                load.assertTheSetHolds(server.admin(), "after PostgreSQL was stopped and started");
            } finally {
                server.close();
                server.process().waitFor();
            }
        } finally {
            postgres.destroy();
        }
    }

    @Test
    void fullDisk_answers507_corruptsNothing_andWritesResumeOnceSpaceIsFreed() throws Exception {
        try (SmallFileSystem disk = SmallFileSystem.mount(32)) {
            Path database = disk.root().resolve("craftline");
            Map<String, String> h2 = TestApp.h2Environment(database);
            String worker = TestApp.uniqueHandle("disk");
            WriteLoad load = new WriteLoad(worker);
            ServerProcess server = ServerProcess.startInside(disk.inside(), database, h2);
            try {
                TestApp.createWorker(server.admin(), worker);
                Random random = new Random();
                Path filler = disk.fillLeaving(1 << 20);

                WriteLoad.Sent refused = null;
                for (int attempt = 0; attempt < 5_000 && refused == null; attempt++) {
                    WriteLoad.Sent sent = load.send(server.admin(), random);
                    refused = sent.status >= 500 ? sent : null;
                }
                assertThat(refused).as("a write refused once the disk was full").isNotNull();
                assertThat(refused.status).isEqualTo(507);
                assertThat(refused.contentType).isEqualTo(Problem.MEDIA_TYPE);
                assertThat(refused.retryAfter).isEqualTo("60");
                assertThat(refused.millis()).isLessThanOrEqualTo(ANSWER_WITHIN_MILLIS);
                for (int attempt = 0; attempt < 5; attempt++) {
                    // A write that breaks a rule of its own is refused for that (422) whenever H2 can still
                    // read, which it can once it reopened its file; any other write is refused for the disk.
                    WriteLoad.Sent write = load.send(server.admin(), random);
                    if (write.invalid) {
                        assertThat(write.status).as("an invalid write on a full disk").isIn(422, 503, 507);
                    } else {
                        assertThat(write.status).as("a write on a full disk").isIn(503, 507);
                    }
                    assertThat(server.admin().get("/api/me").status()).as("a read on a full disk").isIn(200, 503, 507);
                }

                Files.delete(filler);
                // Connections that saw H2 close its file are replaced when next checked, which the
                // pool does at most once a second (validationInterval): writes resume within seconds.
                WriteLoad.Sent resumed = null;
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (resumed == null && System.nanoTime() < deadline) {
                    WriteLoad.Sent sent = load.send(server.admin(), random);
                    resumed = sent.status < 300 ? sent : null;
                    Thread.sleep(50);
                }
                assertThat(resumed).as("a write acknowledged once space was freed, without a restart").isNotNull();
                load.retryUnknown(server.admin());
                load.assertTheSetHolds(server.admin(), "after the disk was full");
            } finally {
                server.close();
                server.process().waitFor();
            }

            ServerProcess reopened = ServerProcess.startInside(disk.inside(), database, h2);
            try {
                assertThat(reopened.healthStatus()).as("the database opens again").isEqualTo(200);
                load.assertTheSetHolds(reopened.admin(), "after a cold start on the same file");
            } finally {
                reopened.close();
                reopened.process().waitFor();
            }
        }
    }

    /** Waits up to {@code seconds} for the server's health check to pass again; when it did. */
    private static long awaitHealthy(ServerProcess server, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (server.healthStatus() == 200) {
                return System.nanoTime();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the server did not recover within " + seconds + " s of the database's return:\n"
                + server.log());
    }

    /**
     * A tmpfs of a few MiB for one test, so that filling it fills no one else's disk, mounted without
     * root: a process of ours holds a user and mount namespace of its own (unshare -rm) in which the
     * tmpfs is mounted over an empty folder; servers start inside that namespace (nsenter), and the
     * test reaches the tmpfs through the holder's view of the file system, /proc/PID/root.
     */
    private record SmallFileSystem(Path root, Process holder) implements AutoCloseable {

        static SmallFileSystem mount(int mebibytes) throws IOException, InterruptedException {
            Path root = Files.createTempDirectory("craftline-small-disk");
            Process holder = new ProcessBuilder("unshare", "-rm", "--propagation", "private", "sh", "-c",
                    "mount -t tmpfs -o size=" + mebibytes + "m tmpfs \"$0\" && echo mounted && exec sleep 3600",
                    root.toString()).redirectErrorStream(true).start();
            String first = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
            if (!"mounted".equals(first)) {
                holder.destroyForcibly();
                throw new AssertionError("could not mount a small tmpfs in a namespace of the test's own (unshare -rm): "
                        + first + "\nThe kernel must allow unprivileged user namespaces, or the test must run as root.");
            }
            return new SmallFileSystem(root, holder);
        }

        /** The tmpfs as this test sees it: through the holder's view of the file system. */
        Path fromOutside() {
            return Path.of("/proc/" + holder.pid() + "/root").resolve(root.toString().substring(1));
        }

        /** The command prefix that starts a program inside the namespace, in the tmpfs. */
        List<String> inside() {
            return List.of("nsenter", "-t", String.valueOf(holder.pid()), "-U", "-m", "--preserve-credentials",
                    "sh", "-c", "cd \"$0\" && exec \"$@\"", root.toString());
        }

        /** Writes a file that leaves {@code bytes} free; deleting it frees the space again. */
        Path fillLeaving(long bytes) throws IOException {
            Path filler = fromOutside().resolve("filler");
            long size = fromOutside().toFile().getUsableSpace() - bytes;
            byte[] block = new byte[1 << 16];
            try (var out = Files.newOutputStream(filler)) {
                for (long written = 0; written < size; written += block.length) {
                    out.write(block, 0, (int) Math.min(block.length, size - written));
                }
            }
            return filler;
        }

        @Override
        public void close() throws InterruptedException {
            holder.destroyForcibly();
            holder.waitFor();
        }
    }
}
