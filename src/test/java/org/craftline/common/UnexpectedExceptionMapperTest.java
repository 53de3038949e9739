package org.craftline.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.craftline.NoDatabase;
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
}
