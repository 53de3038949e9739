package org.craftline.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The server as an operator runs it, in a JVM of its own on a test's database, so a test can do
 * what only a process allows: SIGTERM it, kill -9 it, start it again on the same data.
 */
public final class ServerProcess implements AutoCloseable {

    private static final HttpClient PROBE = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final int port;
    private final int adminPort;
    private final Path log;

    private ServerProcess(Process process, int port, int adminPort, Path log) {
        this.process = process;
        this.port = port;
        this.adminPort = adminPort;
        this.log = log;
    }

    /** Starts a server on {@code databaseFile}'s database, with {@code settings} on top, and waits until it is healthy. */
    public static ServerProcess start(Path databaseFile, Map<String, String> settings) {
        return start(databaseFile, settings, List.of());
    }

    /** The same, with options for its JVM. */
    static ServerProcess start(Path databaseFile, Map<String, String> settings, List<String> jvmOptions) {
        return start(List.of(), databaseFile, settings, jvmOptions);
    }

    /** The same, started through {@code commandPrefix} (a namespace of the test's own, say: nsenter ...). */
    public static ServerProcess startInside(List<String> commandPrefix, Path databaseFile, Map<String, String> settings) {
        return start(commandPrefix, databaseFile, settings, List.of());
    }

    private static ServerProcess start(List<String> commandPrefix, Path databaseFile, Map<String, String> settings,
                                       List<String> jvmOptions) {
        int port = freePort();
        int adminPort = freePort();
        Map<String, String> environment = new LinkedHashMap<>(TestApp.databaseEnvironment(databaseFile));
        environment.putAll(Map.of("CRAFTLINE_PORT", String.valueOf(port), "CRAFTLINE_ADMIN_PORT",
                String.valueOf(adminPort), "CRAFTLINE_ADMIN_TOKEN", TestApp.ADMIN_TOKEN,
                "CRAFTLINE_ADMIN_TOKEN_FILE", databaseFile.resolveSibling("admin-token").toString(),
                "CRAFTLINE_RATE_PER_SECOND", "1000000", "CRAFTLINE_RATE_BURST", "1000000"));
        environment.putAll(settings);
        // Not beside the database: a test may fill the database's file system to the brim.
        Path log = logFile();
        ServerProcess server = new ServerProcess(
                JavaProcess.start(commandPrefix, databaseFile.getParent(), environment, log, jvmOptions, "server", "config.yml"), port, adminPort, log);
        server.awaitHealthy();
        return server;
    }

    public int port() {
        return port;
    }

    /** The admin port: health checks, metrics, and the backup the backup command asks for. */
    public int adminPort() {
        return adminPort;
    }

    public Http admin() {
        return new Http(port).as(TestApp.ADMIN_TOKEN);
    }

    public Process process() {
        return process;
    }

    /** Sends SIGTERM, as systemd, Docker and Kubernetes do to stop a service. */
    public void terminate() {
        process.destroy();
    }

    /** kill -9: no shutdown hook, no flush, no goodbye; returns once the process is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** Waits up to {@code limit} for the process to end; whether it did. */
    public boolean awaitExit(Duration limit) throws InterruptedException {
        return process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The admin port's value of one metric gauge or counter, such as the requests under way. */
    public long metric(String name) {
        try {
            String body = get("http://127.0.0.1:" + adminPort + "/metrics").body();
            var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(body);
            for (String section : new String[] {"gauges", "counters"}) {
                var metric = node.path(section).path(name);
                if (!metric.isMissingNode()) {
                    return metric.path(section.equals("gauges") ? "value" : "count").asLong();
                }
            }
            throw new AssertionError("no metric " + name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The admin port's health check: 200 when every check passes, 500 when one fails. */
    public int healthStatus() {
        try {
            return get("http://127.0.0.1:" + adminPort + "/healthcheck").statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** kill -9, and waits until the process is gone (and has let go of an H2 file). */
    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitHealthy() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("the server stopped while starting:\n" + log());
            }
            try {
                if (healthStatus() == 200) {
                    return;
                }
            } catch (UncheckedIOException notListeningYet) {
                // try again
            }
            pause();
        }
        process.destroyForcibly();
        throw new AssertionError("the server was not healthy after 90 s:\n" + log());
    }

    private static HttpResponse<String> get(String url) throws IOException {
        try {
            return PROBE.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Path logFile() {
        try {
            return Files.createTempFile("craftline-server", ".log");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
