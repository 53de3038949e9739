package org.craftline.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
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
        jdbi = WritesOnlyInTransactions.installOn(TestDatabase.migrated());
        worker = addWorker(jdbi, "sam");
    }

    private static long addWorker(Jdbi jdbi, String handle) {
        return Transactions.write(jdbi, handle1 -> addWorker(handle1, handle));
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
        AtomicReference<JdbiException> lost = new AtomicReference<>();
        Transactions.write(jdbi, handle -> {
            addDay(handle);
            return null;
        });

        // Every attempt collides, as a write that keeps losing would: it is retried, then answered 503.
        assertThatThrownBy(() -> Transactions.retryingRaces(() -> jdbi.inTransaction(handle -> {
            attempts.incrementAndGet();
            try {
                addDay(handle);
            } catch (JdbiException e) {
                lost.set(e);
                throw e;
            }
            return null;
        }))).isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(503));
        assertThat(attempts).hasValue(Transactions.ATTEMPTS);
        assertThat(SqlStates.uniqueViolation(lost.get()))
                .isEqualTo(new SqlStates.UniqueViolation("worker_days", List.of("worker_id", "work_date")));
    }

    @Test
    void aStatementThatChangesData_outsideTheRunner_isRefused_beforeItRuns() {
        assertThatThrownBy(() -> jdbi.useHandle(handle -> addWorker(handle, "kim")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("outside Transactions.write").hasMessageContaining("INSERT INTO workers");
        assertThatThrownBy(() -> jdbi.useHandle(handle -> handle.execute("  delete from worker_days")))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> jdbi.useHandle(handle -> JdbcBatches.execute(handle,
                "UPDATE workers SET team = ? WHERE id = ?", List.of(worker), (statement, id) -> {
                    statement.setString(1, "t");
                    statement.setLong(2, id);
                }))).isInstanceOf(IllegalStateException.class);

        int workers = jdbi.withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM workers").mapTo(Integer.class).one());
        assertThat(workers).as("reads need no transaction, and kim was never written").isEqualTo(1);
        long locked = jdbi.withHandle(handle -> handle.createQuery("SELECT id FROM workers WHERE id = :id FOR UPDATE")
                .bind("id", worker).mapTo(Long.class).one());
        assertThat(locked).as("a lock is not a write").isEqualTo(worker);
        long kim = Transactions.write(jdbi, handle -> addWorker(handle, "kim"));
        assertThat(kim).isPositive();
    }
}
