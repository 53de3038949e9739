package org.craftline.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.time.Duration;
import org.craftline.testing.PostgresCluster;
import org.craftline.testing.TestDatabase;
import org.craftline.testing.TestDatabases;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.Test;

/** The dialect differences, exercised on whichever database this run uses (Maven runs both). */
class DialectTest {

    /** Counting to 200 million in a recursive query takes far longer than the timeout on either database. */
    private static final String LONG_STATEMENT = """
            WITH RECURSIVE counter (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM counter WHERE n < 200000000)
            SELECT COUNT(*) FROM counter""";

    private static Dialect dialect() {
        return TestDatabases.current() == TestDatabases.H2 ? Dialect.H2 : Dialect.POSTGRESQL;
    }

    @Test
    void of_recognisesBothUrlsAndRefusesOthers() {
        assertThat(Dialect.of("jdbc:h2:./data/craftline;WRITE_DELAY=0")).isEqualTo(Dialect.H2);
        assertThat(Dialect.of("jdbc:postgresql://db:5432/craftline")).isEqualTo(Dialect.POSTGRESQL);
        assertThatThrownBy(() -> Dialect.of("jdbc:mysql://db/craftline?password=secret"))
                .hasMessageContaining("jdbc:mysql://db/craftline").hasMessageNotContaining("secret");
    }

    @Test
    void of_aHandle_isTheDialectOfTheDatabaseItIsConnectedTo() {
        Jdbi jdbi = TestDatabase.migrated();

        Dialect connected = jdbi.withHandle(handle -> Dialect.of(handle));

        assertThat(connected).isEqualTo(dialect());
    }

    /**
     * GracefulShutdownTest shows why the pool closes H2: its own shutdown hook closed the database
     * under requests in flight. CLOBs stay in their rows: see {@link #inRowLobs_keepALongAnswerInItsRow}.
     */
    @Test
    void serverUrl_setsH2sClosingAndLobsAndPostgresqlsBatchRewrite_unlessTheOperatorSaidOtherwise() {
        assertThat(Dialect.H2.serverUrl("jdbc:h2:./data/craftline;WRITE_DELAY=0"))
                .isEqualTo("jdbc:h2:./data/craftline;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;MAX_LENGTH_INPLACE_LOB=67108864");
        assertThat(Dialect.H2.serverUrl("jdbc:h2:./x;db_close_on_exit=true;max_length_inplace_lob=1000"))
                .isEqualTo("jdbc:h2:./x;db_close_on_exit=true;max_length_inplace_lob=1000");
        assertThat(Dialect.POSTGRESQL.serverUrl("jdbc:postgresql://db/craftline"))
                .isEqualTo("jdbc:postgresql://db/craftline?reWriteBatchedInserts=true");
        assertThat(Dialect.POSTGRESQL.serverUrl("jdbc:postgresql://db/craftline?ssl=true"))
                .isEqualTo("jdbc:postgresql://db/craftline?ssl=true&reWriteBatchedInserts=true");
        assertThat(Dialect.POSTGRESQL.serverUrl("jdbc:postgresql://db/craftline?rewriteBatchedInserts=false"))
                .isEqualTo("jdbc:postgresql://db/craftline?rewriteBatchedInserts=false");
    }

    /**
     * A stored Idempotency-Key answer of 100,000 characters is kept in its row, not in H2's LOB store,
     * which a kill -9 left a row without (CrashTest: a retry answered 500 from inside H2).
     */
    @Test
    void inRowLobs_keepALongAnswerInItsRow() throws Exception {
        String url = Dialect.H2.serverUrl("jdbc:h2:" + Files.createTempDirectory("lob").resolve("db") + ";WRITE_DELAY=0");
        Jdbi jdbi = Jdbi.create(url, "sa", "");
        jdbi.useHandle(handle -> {
            handle.execute("CREATE TABLE answers (id INT PRIMARY KEY, body CLOB)");
            handle.execute("INSERT INTO answers VALUES (1, ?)", "x".repeat(100_000));
        });

        String storage = jdbi.withHandle(handle -> handle.createQuery("SELECT body FROM answers")
                .map((rows, context) -> lobStorage(rows.getClob(1))).one());

        assertThat(storage).isEqualTo("LobDataInMemory");
    }

    /** Where H2 keeps a CLOB it read: in memory from its row, or in its LOB store ("LobDataDatabase"). */
    private static String lobStorage(java.sql.Clob clob) throws java.sql.SQLException {
        try {
            java.lang.reflect.Field value = org.h2.jdbc.JdbcLob.class.getDeclaredField("value");
            value.setAccessible(true);
            return ((org.h2.value.ValueLob) value.get(clob)).getLobData().getClass().getSimpleName();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("H2's JdbcLob no longer holds its value where this test looks", e);
        }
    }

    @Test
    void statementTimeout_cancelsALongStatement() {
        Jdbi jdbi = TestDatabase.migrated();

        assertThatThrownBy(() -> jdbi.useHandle(handle -> {
            handle.execute(dialect().statementTimeoutSql(Duration.ofMillis(300)));
            handle.createQuery(LONG_STATEMENT).mapTo(Long.class).one();
        })).isInstanceOf(UnableToExecuteStatementException.class);
    }

    @Test
    void durability_safeSettingsPass() {
        Jdbi jdbi = TestDatabases.current() == TestDatabases.H2
                ? Jdbi.create("jdbc:h2:" + org.craftline.testing.TestApp.newDatabaseFile() + ";WRITE_DELAY=0")
                : TestDatabase.migrated();

        assertThatCode(() -> jdbi.useHandle(handle -> dialect().checkDurability(handle, false)))
                .doesNotThrowAnyException();
    }

    @Test
    void durability_unsafeSettingsRefuseUnlessAllowed() {
        Jdbi jdbi = unsafeDatabase();

        assertThatThrownBy(() -> jdbi.useHandle(handle -> dialect().checkDurability(handle, false)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(TestDatabases.current() == TestDatabases.H2 ? "WRITE_DELAY" : "synchronous_commit=off")
                .hasMessageContaining("allowUnsafeDurability");
        assertThatCode(() -> jdbi.useHandle(handle -> dialect().checkDurability(handle, true)))
                .doesNotThrowAnyException();
    }

    /** H2 with its default 500 ms write delay; PostgreSQL with commits acknowledged before they are flushed. */
    static Jdbi unsafeDatabase() {
        if (TestDatabases.current() == TestDatabases.H2) {
            return Jdbi.create("jdbc:h2:" + org.craftline.testing.TestApp.newDatabaseFile());
        }
        String name = "unsafe_" + System.nanoTime();
        PostgresCluster cluster = PostgresCluster.get();
        cluster.createDatabase(name);
        cluster.runAsSuperuser(name, "ALTER DATABASE " + name + " SET synchronous_commit = off");
        return Jdbi.create(cluster.jdbcUrl(name), PostgresCluster.USER, PostgresCluster.PASSWORD);
    }
}
