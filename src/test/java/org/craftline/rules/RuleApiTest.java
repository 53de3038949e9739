package org.craftline.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.craftline.testing.ProblemAssert.assertFieldProblem;
import static org.craftline.testing.ProblemAssert.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.craftline.testing.Http;
import org.craftline.testing.SharedApp;
import org.craftline.testing.SharedApp.Admin;
import org.craftline.testing.SharedApp.FreshWorker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code GET} and {@code PUT /api/workers/{handle}/rules}: versions, and every way a rule can be wrong. */
class RuleApiTest {

    @RegisterExtension
    static final SharedApp API = SharedApp.withWorkersNamed("rules");

    /** The example, as a client sends it. */
    static final String ARTIST = """
            {"rules": [
              {"when": {"app": "ZBrush|Blender"}, "activity": "sculpt", "mode": "CRAFT", "tool": "ZBrush"},
              {"when": {"url": "midjourney\\\\.com"}, "activity": "prompt", "mode": "EXECUTION", "tool": "Midjourney",
               "mediation": "GENERATED"},
              {"when": {"app": "Slack"}, "ignore": true}
            ]}""";

    @Admin
    Http admin;
    @FreshWorker
    String worker;
    @FreshWorker
    Http asWorker;

    private String path() {
        return "/api/workers/" + worker + "/rules";
    }

    @Test
    void beforeTheFirstSave_theRulesAreEmpty_atVersion0() {
        Http.Reply reply = asWorker.get(path());

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("rules").size()).isZero();
        assertThat(reply.header("ETag")).isEqualTo("\"v0\"");
    }

    @Test
    void aSave_isReadBackAsSent_withTheNextVersion() throws Exception {
        Http.Reply saved = asWorker.put(path(), ARTIST, "\"v0\"");

        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.header("ETag")).isEqualTo("\"v1\"");
        Http.Reply read = asWorker.get(path());
        assertThat(read.header("ETag")).isEqualTo("\"v1\"");
        JsonNode sent = new ObjectMapper().readTree(ARTIST);
        assertThat(read.json()).isEqualTo(sent);
        assertThat(saved.json()).isEqualTo(sent);
    }

    @Test
    void aSaveFromAStaleRead_isRefused412_andChangesNothing() {
        asWorker.put(path(), ARTIST, "\"v0\"");

        assertProblem(asWorker.put(path(), "{\"rules\": []}", "\"v0\""), 412);

        assertThat(asWorker.get(path()).json().path("rules").size()).isEqualTo(3);
        assertThat(asWorker.put(path(), "{\"rules\": []}", "\"v1\"").header("ETag")).isEqualTo("\"v2\"");
        assertThat(admin.put(path(), ARTIST, "*").header("ETag")).isEqualTo("\"v3\"");
    }

    @Test
    void aSaveWithoutIfMatch_isRefused428() {
        assertProblem(asWorker.put(path(), ARTIST, null), 428);
    }

    @Test
    void eachWrongRule_isNamedByItsPath_andNothingIsSaved() {
        assertFieldProblem(put("{\"when\": {\"window\": \"x\"}, \"activity\": \"a\", \"mode\": \"CRAFT\"}"), 422,
                "rules[0].when.window");
        assertFieldProblem(put("{\"when\": {\"app\": \"(unclosed\"}, \"activity\": \"a\", \"mode\": \"CRAFT\"}"), 422,
                "rules[0].when.app");
        assertFieldProblem(put("{\"when\": {\"app\": \"\"}, \"activity\": \"a\", \"mode\": \"CRAFT\"}"), 422,
                "rules[0].when.app");
        assertFieldProblem(put("{\"when\": {}, \"activity\": \"a\", \"mode\": \"CRAFT\"}"), 422, "rules[0].when");
        assertFieldProblem(put("{\"when\": {\"app\": \"x\"}, \"mode\": \"CRAFT\"}"), 422, "rules[0].activity");
        assertFieldProblem(put("{\"when\": {\"app\": \"x\"}, \"activity\": \"a\"}"), 422, "rules[0].mode");
        assertFieldProblem(put("{\"when\": {\"app\": \"x\"}, \"ignore\": true, \"mode\": \"CRAFT\"}"), 422, "rules[0]");
        assertFieldProblem(put("{\"when\": {\"app\": \"(a{1000}){1000}\"}, \"activity\": \"a\", \"mode\": \"CRAFT\"}"),
                422, "rules[0].when.app");
        assertFieldProblem(put("{\"when\": {\"app\": \"" + "x".repeat(RuleChecks.MAX_PATTERN_LENGTH + 1)
                + "\"}, \"activity\": \"a\", \"mode\": \"CRAFT\"}"), 422, "rules[0].when.app");
        assertThat(asWorker.get(path()).header("ETag")).isEqualTo("\"v0\"");
    }

    @Test
    void jsonThatIsNotARuleSet_isRefused_namingWhere() {
        assertProblem(put("{\"when\": {\"app\": \"x\", \"app\": \"y\"}, \"activity\": \"a\", \"mode\": \"CRAFT\"}"), 400);
        assertFieldProblem(put("{\"when\": {\"app\": \"x\"}, \"activity\": \"a\", \"mode\": \"CRAFT\", \"colour\": 1}"),
                422, "rules[0].colour");
        assertFieldProblem(put("{\"when\": {\"app\": 3}, \"activity\": \"a\", \"mode\": \"CRAFT\"}"), 422,
                "rules[0].when.app");
        assertFieldProblem(put("{\"when\": {\"app\": \"x\"}, \"activity\": \"a\", \"mode\": \"CRAFTY\"}"), 422,
                "rules[0].mode");
    }

    private Http.Reply put(String rule) {
        return asWorker.put(path(), "{\"rules\": [" + rule + "]}", "\"v0\"");
    }

    @Test
    void activityWatchCategories_becomeRulesToReview_withTheSkippedOnesSaid_andNothingIsSaved() {
        String body = """
                {"categories": [
                  {"id": 1, "name": ["Work"], "rule": {"type": "regex", "regex": "Slack|Thunderbird"}, "data": {"color": "#0F0"}},
                  {"id": 2, "name": ["Work", "Sculpting"], "rule": {"type": "regex", "regex": "ZBrush|Blender",
                   "ignore_case": true}, "depth": 1, "parent": 1},
                  {"id": 3, "name": ["Media"], "rule": {"type": "none"}},
                  {"id": 4, "name": ["Games"], "rule": {"type": "regex", "regex": "Steam"}}
                ],
                "modes": {"Work>Sculpting": "CRAFT", "Work": "EXECUTION"}}""";

        Http.Reply reply = asWorker.post(path() + "/from-activitywatch", body);

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode rules = reply.json().path("rules").path("rules");
        assertThat(rules.get(0).path("when").path("app").asText()).isEqualTo("ZBrush|Blender");
        assertThat(rules.get(0).path("activity").asText()).isEqualTo("sculpting");
        assertThat(rules.get(0).path("mode").asText()).isEqualTo("CRAFT");
        assertThat(rules.get(2).path("mode").asText()).isEqualTo("EXECUTION");
        assertThat(rules.get(2).path("caseSensitive").asBoolean()).isTrue();
        assertThat(reply.json().path("skipped").toString()).contains("Media: it has no regex", "Games: no mode");
        assertThat(asWorker.get(path()).header("ETag")).isEqualTo("\"v0\"");
        assertThat(asWorker.put(path(), reply.json().path("rules").toString(), "\"v0\"").status()).isEqualTo(200);
        assertProblem(asWorker.post(path() + "/from-activitywatch", "{\"categories\": 5, \"modes\": {}}"), 422);
        assertProblem(asWorker.post(path() + "/from-activitywatch", "{\"categories\": [], \"modes\": {\"x\": \"SOMETIMES\"}}"),
                422);
    }
}
