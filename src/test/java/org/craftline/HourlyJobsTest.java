package org.craftline;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.codahale.metrics.Counter;
import com.codahale.metrics.MetricRegistry;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.util.Duration;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.craftline.idempotency.IdempotencyKeys;
import org.craftline.testing.NoDatabase;
import org.craftline.testing.PostgresCluster;
import org.craftline.testing.TestDatabase;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The hourly jobs outlive their failures: a job that throws runs again, counted, and its next run does its work. */
@NoDatabase
class HourlyJobsTest {

    @Test
    void aJobThatFails_keepsItsSchedule_andIsCounted() throws InterruptedException {
        CountDownLatch runs = new CountDownLatch(3);
        Counter failures = new Counter();
        Runnable failing = () -> {
            runs.countDown();
            throw new IllegalStateException("the database is down");
        };
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
        try {
            var unused = executor.scheduleWithFixedDelay(
                    HourlyJobs.survivingFailures("probe", "probing", failing, failures), 0, 10, TimeUnit.MILLISECONDS);

            assertThat(runs.await(10, TimeUnit.SECONDS)).as("ran again after failing").isTrue();
        } finally {
            executor.shutdownNow();
        }
        // The latch opens inside the third run, before it throws: let that run finish before counting.
        assertThat(executor.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        assertThat(failures.getCount()).isGreaterThanOrEqualTo(3);
    }

    /** A job every second that fails for a minute leaves one warning, not sixty stack traces. */
    @Test
    void failuresInARow_areOneWarning_andTheRecoveryIsSaid() {
        Logger logger = (Logger) LoggerFactory.getLogger(HourlyJobs.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        Level level = logger.getLevel();
        logger.setLevel(Level.INFO);
        boolean[] down = {true};
        Counter failures = new Counter();
        Runnable job = HourlyJobs.survivingFailures("probe", "probing", () -> {
            if (down[0]) {
                throw new IllegalStateException("the disk is full");
            }
        }, failures);
        try {
            for (int run = 0; run < 60; run++) {
                job.run();
            }
            down[0] = false;
            job.run();
            down[0] = true;
            job.run();
        } finally {
            logger.detachAppender(appender);
            logger.setLevel(level);
        }

        assertThat(failures.getCount()).isEqualTo(61);
        assertThat(appender.list).extracting(ILoggingEvent::getLevel)
                .containsExactly(Level.WARN, Level.INFO, Level.WARN);
        assertThat(appender.list.get(1).getFormattedMessage()).isEqualTo(
                "The scheduled job probe works again, after 60 failed runs");
    }

    /** PostgreSQL (a cluster of the test's own) stopped at one run of the purge and back for the next. */
    @Test
    void thePurge_failsWhileTheDatabaseIsDown_andTheNextRunPurges() throws Exception {
        PostgresCluster postgres = PostgresCluster.startPrivate();
        try {
            postgres.createDatabase("jobs");
            DataSourceFactory database = new DataSourceFactory();
            database.setDriverClass("org.postgresql.Driver");
            database.setUrl(postgres.jdbcUrl("jobs"));
            database.setUser(PostgresCluster.USER);
            database.setPassword(PostgresCluster.PASSWORD);
            TestDatabase.migrate(database, null);
            // The pool as config.yml sets it up: a connection is checked before use, so one the restart cut is replaced.
            database.setValidationQuery("SELECT 1");
            database.setCheckConnectionOnBorrow(true);
            database.setValidationInterval(Duration.seconds(0));
            Jdbi jdbi = TestDatabase.jdbi(database);
            jdbi.useHandle(handle -> handle.execute("""
                    INSERT INTO idempotency_keys (scope, idem_key, fingerprint, status, body, created_at, expires_at)
                    VALUES ('w:1', 'old', REPEAT('0', 64), 201, '{}', TIMESTAMP WITH TIME ZONE '2026-01-01 09:00:00+00',
                            TIMESTAMP WITH TIME ZONE '2026-01-02 09:00:00+00')"""));
            IdempotencyKeys keys = new IdempotencyKeys(jdbi, Jackson.newObjectMapper(),
                    Clock.fixed(Instant.parse("2026-01-03T09:00:00Z"), ZoneOffset.UTC), java.time.Duration.ofHours(24));
            Counter failures = HourlyJobs.failures(new MetricRegistry(), "idempotency-purge");
            Runnable purge = HourlyJobs.survivingFailures("idempotency-purge", "purging", keys::purgeExpired, failures);

            postgres.stopServerAbruptly();
            purge.run();
            assertThat(failures.getCount()).as("the run while the database was down failed, and was counted").isEqualTo(1);

            postgres.startServer();
            purge.run();
            assertThat(failures.getCount()).as("the next run, with the database back").isEqualTo(1);
            int left = jdbi.withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM idempotency_keys")
                    .mapTo(Integer.class).one());
            assertThat(left).as("keys left after the next run").isZero();
        } finally {
            postgres.destroy();
        }
    }
}
