package org.craftline.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dropwizard.jackson.Jackson;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.craftline.testing.TestDatabase;
import org.craftline.access.Caller;
import org.craftline.access.Role;
import org.craftline.problem.ApiException;
import org.craftline.step.Mode;
import org.craftline.step.Step;
import org.craftline.task.Task;
import org.craftline.task.TaskRequest;
import org.craftline.task.TaskService;
import org.craftline.task.TaskWrites;
import org.craftline.values.Json;
import org.craftline.worker.Worker;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Keys expire: after {@code idempotency.keyTtl} the same key is a new request, and the purge removes it. */
class IdempotencyKeysTest {

    /** A clock the test moves forward. */
    static final class Hands extends Clock {
        Instant now = Instant.parse("2026-01-01T09:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    Jdbi jdbi;
    Hands clock = new Hands();
    IdempotencyKeys keys;
    TaskService tasks;
    Worker worker;
    Caller caller;

    @BeforeEach
    void database() {
        jdbi = TestDatabase.migrated();
        keys = new IdempotencyKeys(jdbi, Json.configure(Jackson.newObjectMapper()), clock, Duration.ofHours(24));
        tasks = new TaskService(jdbi, clock);
        worker = TaskWrites.newWorker(jdbi, null);
        caller = new Caller(1, worker.id(), worker.handle(), Role.WORKER);
    }

    private int create(String title) {
        TaskRequest request = new TaskRequest(null, LocalDate.parse("2026-01-01"), title, null,
                List.of(new Step("sculpt", 30, Mode.CRAFT, null, null, null, null)));
        return keys.<Task>once(caller, "key-1", () -> keys.fingerprint("POST /tasks", request),
                task -> new StoredAnswer(201, null, null, keys.body(task)),
                hook -> tasks.create(worker, request, hook)).getStatus();
    }

    private int tasksOfWorker() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM tasks WHERE worker_id = :w")
                .bind("w", worker.id()).mapTo(Integer.class).one());
    }

    @Test
    void aKeyIsKeptForItsLifetime_thenItIsANewRequest_andThePurgeRemovesIt() {
        assertThat(create("first")).isEqualTo(201);
        clock.now = clock.now.plus(Duration.ofHours(23));
        assertThatThrownBy(() -> create("another body")).isInstanceOf(ApiException.class)
                .hasMessageContaining("Idempotency-Key");
        assertThat(tasksOfWorker()).isEqualTo(1);

        clock.now = clock.now.plus(Duration.ofHours(1));
        assertThat(create("another body")).as("expired: a new request").isEqualTo(201);
        assertThat(tasksOfWorker()).isEqualTo(2);

        assertThat(keys.purgeExpired()).isZero();
        clock.now = clock.now.plus(Duration.ofHours(24));
        assertThat(keys.purgeExpired()).isEqualTo(1);
    }
}
