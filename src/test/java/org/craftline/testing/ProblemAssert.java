package org.craftline.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import org.craftline.problem.ProblemType;

/** What every error response must be: a problem body of a listed type, with a useful detail and no internals. */
public final class ProblemAssert {

    private ProblemAssert() {
    }

    public static JsonNode assertProblem(Http.Reply reply, int status) {
        assertThat(reply.status()).as("status of %s", reply.body()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        JsonNode problem = reply.json();
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        ProblemType type = Arrays.stream(ProblemType.values())
                .filter(known -> known.uri().equals(problem.path("type").asText()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("not a type of ProblemType: " + reply.body()));
        assertThat(type.status()).as("the status of type %s", type).isEqualTo(status);
        assertThat(problem.path("title").asText()).isEqualTo(type.title());
        assertThat(problem.path("detail").asText()).isNotBlank();
        assertThat(reply.body()).doesNotContain("Exception", "\tat ", "at org.", "SELECT", "INSERT", "jdbc");
        return problem;
    }

    /** A problem naming {@code field} among its errors. */
    public static JsonNode assertFieldProblem(Http.Reply reply, int status, String field) {
        JsonNode problem = assertProblem(reply, status);
        assertThat(problem.path("errors").findValuesAsText("field")).contains(field);
        // A named field is a parameter (400) or a part of the body (422), whichever code caught it.
        if (status == 400 || status == 422) {
            ProblemType type = status == 400 ? ProblemType.INVALID_PARAMETER : ProblemType.INVALID;
            assertThat(problem.path("type").asText()).isEqualTo(type.uri());
        }
        return problem;
    }
}
