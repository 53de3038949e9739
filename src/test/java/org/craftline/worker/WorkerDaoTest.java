package org.craftline.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.craftline.testing.TestDatabase;
import org.craftline.db.SqlStates;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WorkerDaoTest {

    private static final Instant NOW = Instant.parse("2023-03-15T09:30:00.123456Z");

    WorkerDao workers;

    @BeforeEach
    void database() {
        workers = TestDatabase.migrated().onDemand(WorkerDao.class);
    }

    private static CreateWorkerRequest request(String handle) {
        return new CreateWorkerRequest(handle, "Sam", "3D environment artist", "27-1014.00", "environment-art");
    }

    @Test
    void insert_thenFindByHandle_roundTrips() {
        long id = workers.insert(request("sam"), NOW);

        Worker sam = workers.findByHandle("sam").orElseThrow();

        assertThat(sam).isEqualTo(new Worker(id, "sam", "Sam", "3D environment artist", "27-1014.00",
                "environment-art", NOW));
    }

    @Test
    void findByHandle_unknown_isEmpty() {
        assertThat(workers.findByHandle("nobody")).isEmpty();
    }

    @Test
    void insert_duplicateHandle_isAUniqueViolation() {
        workers.insert(request("sam"), NOW);

        assertThatThrownBy(() -> workers.insert(request("sam"), NOW))
                .isInstanceOf(UnableToExecuteStatementException.class)
                .matches(SqlStates::isUniqueViolation);
    }

    @Test
    void listAll_isOrderedByHandle() {
        workers.insert(request("zoe"), NOW);
        workers.insert(request("ada"), NOW);

        assertThat(workers.listAll()).extracting(Worker::handle).containsExactly("ada", "zoe");
    }
}
