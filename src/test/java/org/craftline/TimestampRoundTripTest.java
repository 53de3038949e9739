package org.craftline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.craftline.access.Role;
import org.craftline.auth.TokenDao;
import org.craftline.auth.TokenView;
import org.craftline.event.EventDao;
import org.craftline.task.TaskDao;
import org.craftline.task.TaskRow;
import org.craftline.testing.TestDatabase;
import org.craftline.values.Clocks;
import org.craftline.worker.CreateWorkerRequest;
import org.craftline.worker.WorkerDao;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An instant from the application clock is stored exactly, in every timestamp column, on each
 * database: what a response shows equals what a later read returns.
 */
class TimestampRoundTripTest {

    /** Nanoseconds that neither database keeps, so only the clock's truncation makes them round-trip. */
    private static final Instant RAW = Instant.parse("2026-11-29T07:21:25.123456789Z");
    private static final Clock CLOCK = Clocks.truncated(Clock.fixed(RAW, ZoneOffset.UTC));

    Jdbi jdbi;
    WorkerDao workers;

    @BeforeEach
    void database() {
        jdbi = TestDatabase.migrated();
        workers = jdbi.onDemand(WorkerDao.class);
    }

    private long worker(String handle, Instant createdAt) {
        return workers.insert(new CreateWorkerRequest(handle, handle, null, null, null), createdAt);
    }

    @Test
    @SuppressWarnings("JavaInstantGetSecondsGetNano") // the nanoseconds within the second are the point
    void clock_truncatesToMicroseconds() {
        assertThat(CLOCK.instant()).isEqualTo(Instant.parse("2026-11-29T07:21:25.123456Z"));
        assertThat(Clocks.system().instant().getNano() % 1000).isZero();
    }

    @Test
    void workerCreatedAt_roundTrips() {
        worker("sam", CLOCK.instant());

        assertThat(workers.findByHandle("sam").orElseThrow().createdAt()).isEqualTo(CLOCK.instant());
    }

    @Test
    void taskCreatedAndUpdatedAt_roundTrip() {
        TaskDao tasks = jdbi.onDemand(TaskDao.class);
        Instant later = CLOCK.instant().plus(Duration.ofMillis(1500));
        long id = tasks.insert(worker("sam", CLOCK.instant()), LocalDate.parse("2023-03-15"), "t", null, CLOCK.instant());
        tasks.update(id, LocalDate.parse("2023-03-15"), "t", null, later);

        TaskRow row = tasks.findById(id).orElseThrow();

        assertThat(row.createdAt()).isEqualTo(CLOCK.instant());
        assertThat(row.updatedAt()).isEqualTo(later);
    }

    @Test
    void eventCreatedAt_roundTrips() {
        EventDao events = jdbi.onDemand(EventDao.class);
        long id = events.insert(worker("sam", CLOCK.instant()), LocalDate.parse("2023-03-15"), "adopted", null,
                CLOCK.instant());

        assertThat(events.findById(id).orElseThrow().createdAt()).isEqualTo(CLOCK.instant());
    }

    @Test
    void tokenCreatedExpiresAndRevokedAt_roundTrip() {
        TokenDao tokens = jdbi.onDemand(TokenDao.class);
        long sam = worker("sam", CLOCK.instant());
        Instant expires = CLOCK.instant().plus(Duration.ofDays(30));
        long id = tokens.insert(sam, Role.WORKER, "hash", "cl_abcdef", null, CLOCK.instant(), expires);
        tokens.revoke(id, CLOCK.instant());

        TokenView token = tokens.listByWorker(sam).get(0);

        assertThat(token.createdAt()).isEqualTo(CLOCK.instant());
        assertThat(token.expiresAt()).isEqualTo(expires);
        assertThat(token.revokedAt()).isEqualTo(CLOCK.instant());
    }

    /** Why the clock truncates: an instant finer than a microsecond comes back as another instant. */
    @Test
    void untruncatedInstant_doesNotRoundTrip() {
        worker("raw", RAW);

        assertThat(workers.findByHandle("raw").orElseThrow().createdAt()).isNotEqualTo(RAW);
    }
}
