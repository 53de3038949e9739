package org.craftline.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.craftline.problem.ApiException;
import org.craftline.testing.TestDatabase;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A lost race is run again; a real duplicate is not: it fails at once, naming where, on the
 * database the suite runs on (H2 and PostgreSQL say where differently).
 */
class TransactionsTest {

    Jdbi jdbi;
    long worker;

    @BeforeEach
    void database() {
        jdbi = TestDatabase.migrated();
        worker = addWorker(jdbi, "sam");
    }

    private static long addWorker(Jdbi jdbi, String handle) {
        return jdbi.withHandle(handle1 -> addWorker(handle1, handle));
    }

    private static long addWorker(Handle handle, String name) {
        return handle.createUpdate("INSERT INTO workers (handle, display_name, created_at) VALUES (:h, 'S', :now)")
                .bind("h", name).bind("now", Instant.parse("2023-03-01T09:00:00Z"))
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    private void addDay(Handle handle) {
        handle.createUpdate("INSERT INTO worker_days (worker_id, work_date, minutes, craft_minutes) VALUES (:w, :d, 0, 0)")
                .bind("w", worker).bind("d", LocalDate.parse("2023-03-01")).execute();
    }

    @Test
    void aRealDuplicate_failsAtOnce_namingItsTableAndColumns() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> Transactions.retryingRaces(() -> jdbi.inTransaction(handle -> {
            attempts.incrementAndGet();
            return addWorker(handle, "sam");
        }))).isInstanceOfSatisfying(JdbiException.class, e -> assertThat(SqlStates.uniqueViolation(e))
                .isEqualTo(new SqlStates.UniqueViolation("workers", List.of("handle"))));
        assertThat(attempts).as("attempts at a write that can never succeed").hasValue(1);
    }

    @Test
    void aLostRace_onARolledUpRow_isRunAgain() {
        AtomicInteger attempts = new AtomicInteger();
        jdbi.useHandle(this::addDay);

        // Every attempt collides, as a write that keeps losing would: it is retried, then answered 503.
        assertThatThrownBy(() -> Transactions.retryingRaces(() -> jdbi.inTransaction(handle -> {
            attempts.incrementAndGet();
            addDay(handle);
            return null;
        }))).isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(503));
        assertThat(attempts).hasValue(Transactions.ATTEMPTS);
        assertThatThrownBy(() -> jdbi.useHandle(this::addDay)).satisfies(e -> assertThat(SqlStates.uniqueViolation(e))
                .isEqualTo(new SqlStates.UniqueViolation("worker_days", List.of("worker_id", "work_date"))));
    }
}
