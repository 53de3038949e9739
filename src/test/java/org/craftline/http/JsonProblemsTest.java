package org.craftline.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.craftline.testing.ProblemAssert.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.Stream;
import org.craftline.problem.ProblemType;
import org.craftline.testing.Http;
import org.craftline.testing.SharedApp;
import org.craftline.testing.SharedApp.Admin;
import org.craftline.testing.SharedApp.FreshWorker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A body that is not valid JSON (a key twice, broken syntax) is 400 malformed-json naming where,
 * at the top or deep inside, on every route that reads a body; JSON that parses but has a value of
 * the wrong type is 422 naming its path, at any depth too.
 */
class JsonProblemsTest {

    @RegisterExtension
    static final SharedApp API = SharedApp.withWorkersNamed("json");

    @Admin
    Http admin;
    @FreshWorker
    String worker;

    private static final String STEP = "{\"activity\":\"a\",\"minutes\":30,\"mode\":\"CRAFT\"}";

    private static String task(String step) {
        return "{\"worker\":\"W\",\"date\":\"2023-03-01\",\"title\":\"t\",\"steps\":[" + step + "]}";
    }

    /** A route, a body with a mistake in it (W stands for the test's worker), and where the mistake is. */
    static Stream<Arguments> malformed() {
        String dupStep = "{\"activity\":\"a\",\"minutes\":30,\"minutes\":3000,\"mode\":\"CRAFT\"}";
        String brokenStep = "{\"activity\":\"a\",\"minutes\":30,\"mode\":\"CRAFT\"]";
        return Stream.of(
                Arguments.of("/api/tasks", "{\"worker\":\"W\",\"title\":\"t\",\"title\":\"u\"}", "title"),
                Arguments.of("/api/tasks", task(dupStep), "steps[0].minutes"),
                Arguments.of("/api/tasks", task(STEP + "," + dupStep), "steps[1].minutes"),
                Arguments.of("/api/tasks", task(brokenStep), "steps[0].mode"),
                Arguments.of("/api/tasks/batch", "{\"tasks\":[" + task(STEP) + "," + task(dupStep) + "]}",
                        "tasks[1].steps[0].minutes"),
                Arguments.of("/api/tasks/batch", "{\"tasks\":[{\"worker\":\"W\",\"title\":\"t\",\"title\":\"u\"}]}",
                        "tasks[0].title"),
                Arguments.of("/api/tasks/batch", "[" + task(dupStep) + "]", "[0].steps[0].minutes"),
                Arguments.of("/api/events", "{\"worker\":\"W\",\"date\":\"2023-03-01\",\"label\":\"x\",\"label\":\"y\"}",
                        "label"),
                Arguments.of("/api/workers", "{\"handle\":\"x-W\",\"handle\":\"y-W\",\"displayName\":\"Z\"}", "handle"),
                Arguments.of("/api/workers/W/tokens", "{\"role\":\"WORKER\",\"role\":\"ADMIN\"}", "role"));
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("malformed")
    void aKeyTwiceOrBrokenSyntax_is400_namingWhere_atAnyDepth(String path, String body, String where) {
        JsonNode problem = assertProblem(admin.post(path.replace("W", worker), body.replace("\"W\"", "\"" + worker + "\"")
                .replace("-W\"", "-" + worker + "\"")), 400);

        assertThat(problem.path("type").asText()).isEqualTo(ProblemType.MALFORMED_JSON.uri());
        assertThat(problem.path("errors").findValuesAsText("field")).containsExactly(where);
        assertThat(problem.path("detail").asText()).contains(where);
        assertThat(admin.get("/api/tasks?worker=" + worker).json().path("items").size()).isZero();
    }

    @Test
    void aValueOfTheWrongType_is422_namingItsPath_atAnyDepth() {
        String body = "{\"tasks\":[" + task(STEP).replace("W", worker) + "," + task(
                "{\"activity\":\"a\",\"minutes\":[],\"mode\":\"CRAFT\"}").replace("W", worker) + "]}";

        JsonNode problem = assertProblem(admin.post("/api/tasks/batch", body), 422);

        assertThat(problem.path("errors").findValuesAsText("field")).containsExactly("tasks[1].steps[0].minutes");
    }
}
