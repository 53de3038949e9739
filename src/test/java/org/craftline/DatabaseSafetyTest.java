package org.craftline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.codahale.metrics.MetricRegistry;
import io.dropwizard.db.ManagedDataSource;
import io.dropwizard.testing.DropwizardTestSupport;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.craftline.testing.Http;
import org.craftline.testing.Payloads;
import org.craftline.testing.PostgresCluster;
import org.craftline.testing.ProblemAssert;
import org.craftline.testing.TestApp;
import org.craftline.testing.TestDatabases;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;

/** Start-up refuses unsafe durability settings, and an exhausted pool answers 503 rather than hanging. */
class DatabaseSafetyTest {

    /** config.yml's database.maxWaitForConnection. */
    private static final long POOL_WAIT_MILLIS = 2_000;

    /** Makes the database behind this "file" unsafe: H2 without WRITE_DELAY=0, PostgreSQL without synchronous commits. */
    private static Map<String, String> unsafe(Path databaseFile) {
        if (TestDatabases.current() == TestDatabases.H2) {
            return Map.of("database.url", "jdbc:h2:" + databaseFile.toAbsolutePath());
        }
        String name = TestApp.postgresDatabaseName(databaseFile);
        PostgresCluster.get().createDatabase(name);
        PostgresCluster.get().runAsSuperuser(name, "ALTER DATABASE " + name + " SET synchronous_commit = off");
        return Map.of();
    }

    @Test
    void unsafeDurabilitySettings_refuseToStart() {
        Path database = TestApp.newDatabaseFile();
        DropwizardTestSupport<CraftlineConfiguration> app = TestApp.support(database, unsafe(database));

        assertThatThrownBy(app::before).hasStackTraceContaining("Refusing to start");
        app.after();
    }

    @Test
    void unsafeDurabilitySettings_startWhenExplicitlyAllowed() throws Exception {
        Path database = TestApp.newDatabaseFile();
        Map<String, String> settings = new HashMap<>(unsafe(database));
        settings.put("databaseSafety.allowUnsafeDurability", "true");
        DropwizardTestSupport<CraftlineConfiguration> app = TestApp.support(database, settings);

        app.before();
        try {
            assertThat(new Http(app.getLocalPort()).as(TestApp.ADMIN_TOKEN).get("/api/me").status()).isEqualTo(200);
        } finally {
            app.after();
        }
    }

    /** An operator's database.initializationQuery runs beside the statement timeout, not instead of it. */
    @Test
    void operatorsInitializationQuery_runsBesideTheStatementTimeout() throws Exception {
        Path database = TestApp.newDatabaseFile();
        boolean h2 = TestDatabases.current() == TestDatabases.H2;
        DropwizardTestSupport<CraftlineConfiguration> app = TestApp.support(database, Map.of(
                "database.initializationQuery", h2 ? "SET LOCK_TIMEOUT 4321;" : "SET application_name = 'operator'",
                "databaseSafety.statementTimeout", "7s"));
        app.before();
        try {
            ManagedDataSource pool = app.getConfiguration().getDataSourceFactory()
                    .build(new MetricRegistry(), "initialization-probe");
            try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
                 ResultSet row = statement.executeQuery(h2
                         ? "SELECT LOCK_TIMEOUT(), (SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS "
                                 + "WHERE SETTING_NAME = 'QUERY_TIMEOUT')"
                         : "SELECT current_setting('application_name'), current_setting('statement_timeout')")) {
                assertThat(row.next()).isTrue();
                assertThat(row.getString(1)).as("the operator's setting").isEqualTo(h2 ? "4321" : "operator");
                assertThat(row.getString(2)).as("the statement timeout").isEqualTo(h2 ? "7000" : "7s");
            } finally {
                pool.stop();
            }
        } finally {
            app.after();
        }
    }

    @Test
    void exhaustedPool_answers503QuicklyInsteadOfHanging() throws Exception {
        Path database = TestApp.newDatabaseFile();
        Map<String, String> settings = new HashMap<>(Map.of(
                "database.maxSize", "1", "database.minSize", "1", "database.initialSize", "1"));
        if (TestDatabases.current() == TestDatabases.H2) {
            // H2 gives up waiting for a row lock after 1 s by default; hold the request longer than the pool wait.
            settings.put("database.url", "jdbc:h2:" + database.toAbsolutePath() + ";WRITE_DELAY=0;LOCK_TIMEOUT=20000");
        }
        DropwizardTestSupport<CraftlineConfiguration> app = TestApp.support(database, settings);
        app.before();
        try {
            Http admin = new Http(app.getLocalPort()).as(TestApp.ADMIN_TOKEN);
            String worker = TestApp.uniqueHandle("pool");
            TestApp.createWorker(admin, worker);
            admin.post("/api/tasks", Http.json(Payloads.task(worker, "2023-03-01")));

            // Hold the day's ledger row: the next write to that day takes the pool's only connection and waits.
            try (Handle blocker = TestApp.jdbi(app.getConfiguration()).open()) {
                blocker.begin();
                blocker.createQuery("SELECT minutes FROM worker_days WHERE work_date = :day FOR UPDATE")
                        .bind("day", java.time.LocalDate.parse("2023-03-01")).mapTo(Integer.class).list();
                CompletableFuture<Http.Reply> stuck = CompletableFuture.supplyAsync(
                        () -> admin.post("/api/tasks", Http.json(Payloads.task(worker, "2023-03-01"))));

                Http.Reply starved = null;
                for (int attempt = 0; attempt < 50 && starved == null; attempt++) {
                    Http.Reply reply = admin.get("/api/me");
                    starved = reply.status() == 503 ? reply : null;
                }

                assertThat(starved).as("a request found the pool empty").isNotNull();
                ProblemAssert.assertProblem(starved, 503);
                assertThat(starved.header("Retry-After")).isEqualTo("2");

                // Under load every request gives up after the pool's 2 s wait; none queues for long.
                ExecutorService load = Executors.newFixedThreadPool(16);
                List<Future<long[]>> answers = new ArrayList<>();
                for (int request = 0; request < 32; request++) {
                    answers.add(load.submit(() -> {
                        long start = System.nanoTime();
                        int status = admin.get("/api/me").status();
                        return new long[] {status, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)};
                    }));
                }
                for (Future<long[]> answer : answers) {
                    long[] statusAndMillis = answer.get(30, TimeUnit.SECONDS);
                    assertThat(statusAndMillis[0]).isEqualTo(503);
                    assertThat(statusAndMillis[1]).as("ms to answer").isLessThan(POOL_WAIT_MILLIS + 1_500);
                }
                load.shutdown();
                blocker.rollback();
                assertThat(stuck.get(30, TimeUnit.SECONDS).status()).isEqualTo(201);
            }
        } finally {
            app.after();
        }
    }
}
