package org.craftline.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.craftline.testing.Http;
import org.craftline.testing.SharedApp;
import org.craftline.testing.SharedApp.FreshWorker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What a person reads when a field is wrong: a sentence about what to do, naming the field as a
 * person would; the field's path and the problem's type stay as they were. (Every error of the
 * suite is also swept for a framework's phrasings: testing/ErrorSweep.)
 */
class PeoplesWordsTest {

    @RegisterExtension
    static final SharedApp API = SharedApp.withWorkersNamed("words");

    @FreshWorker
    String worker;
    @FreshWorker
    Http asWorker;

    private static List<String> errors(Http.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(422);
        assertThat(reply.json().path("type").asText()).isEqualTo("urn:craftline:problem:invalid");
        List<String> errors = new ArrayList<>();
        for (JsonNode error : reply.json().path("errors")) {
            errors.add(error.path("field").asText() + ": " + error.path("message").asText());
        }
        return errors;
    }

    @Test
    void aMissingValue_saysToEnterIt() {
        assertThat(errors(asWorker.post("/api/events", "{\"worker\": \"" + worker + "\", \"label\": \"adopted v5\"}")))
                .containsExactly("date: Enter the date.");
    }

    @Test
    void valuesOutOfBounds_sayWhatFits() {
        String longTitle = "t".repeat(201);
        List<String> errors = errors(asWorker.post("/api/tasks", "{\"worker\": \"" + worker + "\", \"date\": "
                + "\"2023-03-14\", \"title\": \"" + longTitle + "\", \"steps\": [{\"activity\": \" \", \"minutes\": 0, "
                + "\"mode\": \"CRAFT\"}]}"));

        assertThat(errors).containsExactlyInAnyOrder(
                "title: Shorten the title to at most 200 characters (it has 201).",
                "steps[0].activity: Enter the activity.",
                "steps[0].minutes: Enter at least 1 for the minutes.");
        assertThat(errors(asWorker.post("/api/tasks", "{\"worker\": \"" + worker + "\", \"date\": \"2023-03-14\", "
                + "\"title\": \"t\", \"steps\": []}"))).containsExactly("steps: Add at least one step.");
    }

    @Test
    void wordsWrittenForPeopleAlready_stay() {
        assertThat(errors(asWorker.post("/api/events", "{\"worker\": \"Not A Handle\", \"date\": \"2023-03-14\", "
                + "\"label\": \"x\"}"))).singleElement().asString().startsWith("worker: must be").doesNotContain("match");
    }
}
