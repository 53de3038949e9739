package org.craftline.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL cluster for the test run, made from the machine's own server binaries
 * (/usr/lib/postgresql/VERSION/bin): initdb into a temporary folder, started on a free port
 * listening on 127.0.0.1 only, stopped when the test session ends, failed tests or not. About a
 * second to start. initdb refuses to run as root, so as root it runs as the postgres user.
 */
public final class PostgresCluster {

    public static final String USER = "craftline";
    public static final String PASSWORD = "craftline";
    private static final Path INSTALLATIONS = Path.of("/usr/lib/postgresql");

    private static PostgresCluster running;

    private final Path bin;
    private final Path folder;
    private final int port;
    private final boolean asPostgresUser;

    private PostgresCluster(Path bin, Path folder, int port, boolean asPostgresUser) {
        this.bin = bin;
        this.folder = folder;
        this.port = port;
        this.asPostgresUser = asPostgresUser;
    }

    /** The cluster of this test run, started on first use. */
    public static synchronized PostgresCluster get() {
        if (running == null) {
            running = start();
            Runtime.getRuntime().addShutdownHook(new Thread(PostgresCluster::stopIfRunning, "stop-test-postgres"));
        }
        return running;
    }

    static synchronized void stopIfRunning() {
        if (running != null) {
            running.stop();
            running = null;
        }
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Creates the database if it does not exist yet, owned by {@link #USER}. */
    public synchronized void createDatabase(String name) {
        if (!name.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), USER, PASSWORD);
             var exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, name);
            if (!exists.executeQuery().next()) {
                connection.createStatement().execute("CREATE DATABASE " + name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name, e);
        }
    }

    /** Runs one SQL statement as the superuser, for settings a test needs (ALTER DATABASE ... SET ...). */
    public void runAsSuperuser(String database, String sql) {
        run(List.of(bin.resolve("psql").toString(), "-h", folder.toString(), "-p", String.valueOf(port),
                "-U", "postgres", "-d", database, "-v", "ON_ERROR_STOP=1", "-c", sql));
    }

    /** Memory-backed space big enough for the cluster, if the machine has it. */
    private static final Path MEMORY = Path.of("/dev/shm");
    private static final long ROOM_NEEDED = 2L << 30;

    /**
     * Where the throwaway cluster lives: in memory when there is room, else the temporary folder.
     * In memory its fsyncs cost nothing while its settings stay the production ones (fsync on,
     * synchronous_commit on) that the server's durability check insists on; the suite runs several
     * times faster, and nothing in it is meant to survive.
     */
    private static Path scratch() {
        try {
            if (Files.isDirectory(MEMORY) && Files.isWritable(MEMORY)
                    && Files.getFileStore(MEMORY).getUsableSpace() > ROOM_NEEDED) {
                return MEMORY;
            }
        } catch (IOException e) {
            // No usable memory file system: the temporary folder will do.
        }
        return Path.of(System.getProperty("java.io.tmpdir"));
    }

    /**
     * A cluster of the caller's own, which it may stop and start (to test database faults) and must
     * {@link #destroy()}; tests that only need a database use {@link #get()}.
     */
    public static PostgresCluster startPrivate() {
        return start();
    }

    private static PostgresCluster start() {
        Path bin = findBinaries(INSTALLATIONS);
        boolean root = "root".equals(System.getProperty("user.name"));
        try {
            Path folder = Files.createTempDirectory(scratch(), "craftline-pg");
            int port = freePort();
            PostgresCluster cluster = new PostgresCluster(bin, folder, port, root);
            if (root) {
                Shell.run(List.of("chown", "postgres:postgres", folder.toString()));
            }
            cluster.run(List.of(bin.resolve("initdb").toString(), "-D", folder.resolve("data").toString(),
                    "-U", "postgres", "-E", "UTF8", "--auth-local=trust", "--auth-host=scram-sha-256"));
            cluster.startServer();
            cluster.runAsSuperuser("postgres",
                    "CREATE ROLE " + USER + " LOGIN CREATEDB PASSWORD '" + PASSWORD + "'");
            return cluster;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the test PostgreSQL cluster", e);
        }
    }

    /** Starts the server on its port and waits until it takes connections. */
    public void startServer() {
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", folder.resolve("data").toString(),
                "-l", folder.resolve("log").toString(), "-w",
                "-o", "-p " + port + " -k " + folder + " -c listen_addresses=127.0.0.1", "start"));
    }

    /**
     * Stops the server the way a crash or an operator's emergency stop does ({@code -m immediate}):
     * every connection is cut at once, and the next start recovers from the write-ahead log.
     */
    public void stopServerAbruptly() {
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", folder.resolve("data").toString(), "-m", "immediate",
                "-w", "stop"));
    }

    /** Stops a private cluster and removes its files. */
    public void destroy() {
        stop();
    }

    private void stop() {
        if (Files.exists(folder.resolve("data").resolve("postmaster.pid"))) {
            run(List.of(bin.resolve("pg_ctl").toString(), "-D", folder.resolve("data").toString(), "-m", "fast", "-w",
                    "stop"));
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + folder, e);
        }
    }

    /** The bin folder of the newest PostgreSQL under {@code installations}, or a failure saying how to install one. */
    static Path findBinaries(Path installations) {
        try (Stream<Path> versions = Files.exists(installations) ? Files.list(installations) : Stream.empty()) {
            return versions.map(version -> version.resolve("bin"))
                    .filter(folder -> Files.isExecutable(folder.resolve("initdb")))
                    .max(Comparator.comparing(folder -> Integer.parseInt(
                            folder.getParent().getFileName().toString().replaceAll("\\D", "0"))))
                    .orElseThrow(() -> new IllegalStateException("""
                            The PostgreSQL tests need the PostgreSQL server binaries under \
                            /usr/lib/postgresql/<version>/bin (initdb, pg_ctl, psql), and none were found. \
                            Install them, e.g. on Debian or Ubuntu: sudo apt-get install -y postgresql \
                            (.ci/run does this itself)."""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private void run(List<String> command) {
        List<String> full = new ArrayList<>();
        if (asPostgresUser) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        Shell.run(full);
    }
}
