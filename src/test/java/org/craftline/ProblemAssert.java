package org.craftline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

/** What every error response must be: a problem body with a useful detail and no internals. */
public final class ProblemAssert {

    private ProblemAssert() {
    }

    public static JsonNode assertProblem(Http.Reply reply, int status) {
        assertThat(reply.status()).as("status of %s", reply.body()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        JsonNode problem = reply.json();
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("type").asText()).startsWith("urn:craftline:problem:");
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("detail").asText()).isNotBlank();
        assertThat(reply.body()).doesNotContain("Exception", "\tat ", "at org.", "SELECT", "INSERT", "jdbc");
        return problem;
    }

    /** A problem naming {@code field} among its errors. */
    public static JsonNode assertFieldProblem(Http.Reply reply, int status, String field) {
        JsonNode problem = assertProblem(reply, status);
        assertThat(problem.path("errors").findValuesAsText("field")).contains(field);
        return problem;
    }
}
