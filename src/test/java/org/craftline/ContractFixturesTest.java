package org.craftline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.dropwizard.jackson.Jackson;
import java.io.IOException;
import java.io.InputStream;
import org.craftline.testing.NoDatabase;
import org.craftline.values.Json;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The JSON shapes clients outside the project depend on. Each fixture is read with the server's
 * own strict mapper (an unknown field fails) into the type the API uses, and written back: it
 * must come out with exactly the same fields and values, so a renamed, dropped or retyped field
 * fails here before it breaks a client. Keep old fixtures when a shape grows, so old payloads
 * keep parsing.
 */
@NoDatabase
class ContractFixturesTest {

    private static final ObjectMapper JSON = Json.configure(Jackson.newObjectMapper());

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "TaskRequest.json, org.craftline.task.TaskRequest, request",
            "Task.json, org.craftline.task.Task, response",
            "DeskillingReport.json, org.craftline.report.DeskillingReport, response",
            "EventRequest.json, org.craftline.event.EventRequest, request",
            "Event.json, org.craftline.event.Event, response",
            "CreateWorkerRequest.json, org.craftline.worker.CreateWorkerRequest, request",
            "Worker.json, org.craftline.worker.Worker, response",
            "CreateTokenRequest.json, org.craftline.auth.CreateTokenRequest, request",
            "IssuedToken.json, org.craftline.auth.IssuedToken, response"})
    void fixture_parsesAndSerialisesToTheSameFields(String fixture, Class<?> type, String direction)
            throws IOException {
        JsonNode expected;
        try (InputStream in = ContractFixturesTest.class.getResourceAsStream("/openapi/examples/" + fixture)) {
            expected = JSON.readTree(in);
        }

        Object parsed = reader(direction).forType(type).readValue(expected);
        JsonNode written = JSON.readTree(JSON.writeValueAsString(parsed));

        assertThat(written).isEqualTo(expected);
    }

    /**
     * Requests are read as the server reads them. The server never reads its responses; reading
     * them back here leaves out-only fields unset.
     */
    private static ObjectReader reader(String direction) {
        ObjectReader reader = JSON.reader();
        return direction.equals("request") ? reader : reader.without(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    }
}
