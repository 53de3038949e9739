package org.craftline.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.craftline.testing.NoDatabase;
import org.craftline.problem.Problem;
import org.junit.jupiter.api.Test;

@NoDatabase
class UnexpectedExceptionMapperTest {

    @Test
    void bug_gives500WithAnIdAndNoInternals() {
        var failure = new IllegalStateException("SELECT secret FROM workers",
                new SQLException("jdbc:h2:./data/craftline password=hunter2"));

        var response = new UnexpectedExceptionMapper().toResponse(failure);

        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(response.getMediaType().toString()).isEqualTo(Problem.MEDIA_TYPE);
        Problem problem = (Problem) response.getEntity();
        assertThat(problem.detail()).contains("error id").doesNotContain("SELECT", "jdbc", "hunter2", "IllegalState");
    }

    @Test
    void constraintViolationsNoCheckAnticipated_areClientErrorsWithoutInternals() {
        var unique = new RuntimeException(new SQLException("duplicate key value violates workers_handle_unique", "23505"));
        var check = new RuntimeException(new SQLException("new row violates check steps_minutes_range", "23514"));

        var conflict = new UnexpectedExceptionMapper().toResponse(unique);
        var invalid = new UnexpectedExceptionMapper().toResponse(check);

        assertThat(conflict.getStatus()).isEqualTo(409);
        assertThat(invalid.getStatus()).isEqualTo(422);
        assertThat(((Problem) invalid.getEntity()).detail()).doesNotContain("steps_minutes_range");
    }

    @Test
    void statementTimeout_gives503() {
        for (String state : new String[] {"57014", "HYT00"}) {
            var failure = new RuntimeException(new SQLException("canceling statement due to statement timeout", state));

            assertThat(new UnexpectedExceptionMapper().toResponse(failure).getStatus()).isEqualTo(503);
        }
    }

    @Test
    void exhaustedPool_gives503() {
        var failure = new RuntimeException(new org.apache.tomcat.jdbc.pool.PoolExhaustedException("no connection"));

        assertThat(new UnexpectedExceptionMapper().toResponse(failure).getStatus()).isEqualTo(503);
    }

    @Test
    void unreachableDatabase_gives503WithRetryAfter() {
        // PostgreSQL refusing connections, shutting down, still starting; H2's file closed under it.
        for (String state : new String[] {"08001", "08006", "57P01", "57P03", "90098", "90121"}) {
            var failure = new RuntimeException(new SQLException("Connection to 127.0.0.1:5432 refused", state));

            var response = new UnexpectedExceptionMapper().toResponse(failure);

            assertThat(response.getStatus()).as(state).isEqualTo(503);
            assertThat(response.getHeaderString("Retry-After")).isEqualTo("5");
            assertThat(((Problem) response.getEntity()).detail()).doesNotContain("5432", "refused");
        }
    }

    @Test
    void fullDisk_gives507WithRetryAfter() {
        var postgres = new RuntimeException(new SQLException("could not extend file: No space left on device", "53100"));
        var h2 = new RuntimeException(new SQLException("The database has been closed", "90098",
                new IllegalStateException("Writing to /data/craftline.mv.db failed",
                        new java.io.IOException("No space left on device"))));

        // A failed batch: H2's general error, the I/O failure only among its suppressed exceptions.
        var batch = new java.sql.BatchUpdateException("General error: Writing to FileChannel failed", "50000", 50000,
                new int[0]);
        batch.addSuppressed(new java.io.IOException("No space left on device"));
        var h2Batch = new RuntimeException(batch);

        for (var failure : new RuntimeException[] {postgres, h2, h2Batch}) {
            var response = new UnexpectedExceptionMapper().toResponse(failure);

            assertThat(response.getStatus()).isEqualTo(507);
            assertThat(response.getHeaderString("Retry-After")).isEqualTo("60");
            assertThat(((Problem) response.getEntity()).detail()).doesNotContain("mv.db", "extend");
        }
    }
}
