package org.craftline;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.craftline.testing.ErrorSweep;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The sweep's own rules: it refuses each kind of leak, and lets a plain problem through. */
class ErrorSweepTest {

    private static final String PROBLEM = "application/problem+json";

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"detail\":\"org.h2.jdbc.JdbcSQLIntegrityConstraintViolationException: boom\"}",
        "{\"detail\":\"NullPointerException\"}",
        "{\"detail\":\"at org.craftline.task.TaskDao.insert(TaskDao.java:42)\"}",
        "{\"detail\":\"SELECT id FROM task WHERE worker = ?\"}",
        "{\"detail\":\"violates constraint step_minutes\"}",
        "{\"detail\":\"cannot open /work/main/data/craftline.mv.db\"}",
        "{\"detail\":\"see C:\\\\craftline\\\\config\"}"
    })
    void internals_failTheSweep(String body) {
        assertThatThrownBy(() -> ErrorSweep.check(400, PROBLEM, body)).isInstanceOf(AssertionError.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/html;charset=iso-8859-1", "application/json"})
    void anyOtherMediaType_failsTheSweep(String contentType) {
        assertThatThrownBy(() -> ErrorSweep.check(404, contentType, "{}")).isInstanceOf(AssertionError.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"type\":\"urn:craftline:problem:invalid\",\"detail\":\"steps[0].minutes: must be at least 1\"}",
        "{\"type\":\"urn:craftline:problem:not-found\",\"detail\":\"There is nothing at /api/tasks/9\"}"
    })
    void aPlainProblem_passes(String body) {
        assertThatCode(() -> ErrorSweep.check(422, PROBLEM + ";charset=UTF-8", body)).doesNotThrowAnyException();
    }
}
