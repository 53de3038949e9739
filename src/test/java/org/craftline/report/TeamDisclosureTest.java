package org.craftline.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.craftline.testing.Payloads.step;
import static org.craftline.report.TeamFixture.step;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import org.craftline.CraftlineConfiguration;
import org.craftline.testing.Http;
import org.craftline.testing.Payloads;
import org.craftline.testing.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The ways a hostile analyst read one person's work back out of team reports, each as it
 * was found: the tools table of a suppressed week, differencing a report before and after a late
 * entry, and a median that is always somebody's own value. All through the API an analyst has.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class TeamDisclosureTest {

    static final DropwizardAppExtension<CraftlineConfiguration> APP = TestApp.extension();

    @Test
    void toolUsedAloneInSuppressedWeek_changesNoToolTotal() {
        TeamFixture team = new TeamFixture(TestApp.admin(APP), 6);
        for (String member : team.members(0, 1, 2, 3, 4)) {
            team.log(member, "2024-09-03", step("sculpt", 200, "CRAFT"), step("bake", 60, "EXECUTION", "Blender"));
        }
        String gina = team.members.get(5);
        team.log(gina, "2024-09-11", step("bake", 50, "EXECUTION", "Blender"));

        JsonNode oneWeek = team.report("2024-09-02", "2024-09-08", "week", "json").json();
        JsonNode twoWeeks = team.report("2024-09-02", "2024-09-15", "week", "json").json();

        assertThat(twoWeeks.path("series").get(1).path("suppressed").asBoolean()).isTrue();
        assertThat(twoWeeks.path("tools")).isEqualTo(oneWeek.path("tools"));
        assertThat(tool(twoWeeks, "Blender").path("minutes").asLong()).isEqualTo(300);
    }

    @Test
    void toolOnlyOnePersonUsed_isNeitherListedNorDated() {
        TeamFixture team = new TeamFixture(TestApp.admin(APP), 6);
        for (String member : team.members(0, 1, 2, 3, 4)) {
            team.log(member, "2024-09-03", step("sculpt", 200, "CRAFT"), step("bake", 60, "EXECUTION", "Blender"));
        }
        team.log(team.members.get(5), "2024-08-14", step("paint", 83, "CRAFT", "Krita"));

        for (String bucket : List.of("week", "month")) {
            Http.Reply reply = team.report("2024-08-01", "2024-09-15", bucket, "json");

            assertThat(tool(reply.json(), "Krita").isMissingNode()).as(bucket).isTrue();
            assertThat(reply.body()).as(bucket).doesNotContain("2024-08-14").doesNotContain("\"minutes\":83");
        }
    }

    @Test
    void toolFirstUse_isTheFirstWeekEnoughPeopleUsedIt() {
        TeamFixture team = new TeamFixture(TestApp.admin(APP), 6);
        team.log(team.members.get(5), "2024-09-04", step("sculpt", 100, "CRAFT"), step("bake", 20, "EXECUTION", "Blender"));
        for (String member : team.members(0, 1, 2, 3, 4)) {
            team.log(member, "2024-09-05", step("sculpt", 100, "CRAFT"));
            team.log(member, "2024-09-12", step("sculpt", 100, "CRAFT"), step("bake", 20, "EXECUTION", "Blender"));
        }

        JsonNode report = team.report("2024-09-02", "2024-09-15", "week", "json").json();

        // In the first week one person used Blender: that week's tool cell is not shown.
        assertThat(tool(report, "Blender").path("firstUsed").asText()).isEqualTo("2024-09-09");
        assertThat(tool(report, "Blender").path("minutes").asLong()).isEqualTo(100);
    }

    @Test
    void lateEntriesEditsAndDeletes_changeNoPublishedFigure_inAnyFormat() {
        TeamFixture team = new TeamFixture(TestApp.admin(APP), 5);
        List<Long> tasks = new ArrayList<>();
        for (String member : team.members) {
            tasks.add(team.log(member, "2024-09-03", step("sculpt", 208, "CRAFT"), step("retopo", 60, "EXECUTION")));
        }
        List<Http.Reply> before = everyForm(team);
        assertThat(before.get(0).json().path("series").get(0).path("totalMinutes").asLong()).isEqualTo(1340);

        String newcomer = team.join();
        team.log(newcomer, "2024-09-04", step("retopo", 77, "EXECUTION"));
        team.admin.delete("/api/tasks/" + tasks.get(0));
        Http.Reply edited = team.admin.put("/api/tasks/" + tasks.get(1), Http.json(Payloads.task(team.members.get(1),
                "2024-09-03", step("prompt", 30, "EXECUTION"))), "\"v1\"");
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);

        List<Http.Reply> after = everyForm(team);
        for (int i = 0; i < before.size(); i++) {
            assertThat(after.get(i).body()).as("form %d", i).isEqualTo(before.get(i).body());
        }
    }

    @Test
    void teamFragmentation_poolsTheWholeGroup_notOnePersonsDay() {
        TeamFixture team = new TeamFixture(TestApp.admin(APP), 5);
        // Mean step lengths 30, 40, 77, 50 and 60; a median over worker-days would be one of them.
        team.log(team.members.get(0), "2024-09-03", step("sculpt", 30, "CRAFT"));
        team.log(team.members.get(1), "2024-09-03", step("sculpt", 40, "CRAFT"), step("uv", 40, "EXECUTION"));
        team.log(team.members.get(2), "2024-09-03", step("retopo", 77, "EXECUTION"));
        team.log(team.members.get(3), "2024-09-03", step("sculpt", 50, "CRAFT"), step("uv", 50, "EXECUTION"));
        team.log(team.members.get(4), "2024-09-03", step("prompt", 60, "EXECUTION"), step("prompt", 60, "EXECUTION"),
                step("prompt", 60, "EXECUTION"));

        JsonNode week = team.report("2024-09-02", "2024-09-08", "week", "json").json().path("series").get(0);

        assertThat(week.path("meanStepMinutes").asDouble()).isEqualTo(467.0 / 9);
        assertThat(week.path("repetitionShare").asDouble()).isEqualTo(120.0 / 467);
        // Repertoire: the mean of the five days' (0, 1, 0, 1, 0).
        assertThat(week.path("repertoire").asDouble()).isCloseTo(2.0 / 5, within(1e-12));
    }

    @Test
    void teamMonth_isTheSumOfItsIsoWeeks() {
        TeamFixture team = new TeamFixture(TestApp.admin(APP), 5);
        for (String member : team.members) {
            team.log(member, "2024-09-03", step("sculpt", 100, "CRAFT"));
            team.log(member, "2024-09-25", step("sculpt", 10, "CRAFT"), step("uv", 30, "EXECUTION"));
            // A Monday whose week's Thursday is in October: that week is October's.
            team.log(member, "2024-09-30", step("uv", 7, "EXECUTION"));
        }

        JsonNode weeks = team.report("2024-09-02", "2024-09-29", "week", "json").json().path("series");
        JsonNode september = team.report("2024-09-01", "2024-09-30", "month", "json").json().path("series").get(0);

        assertThat(september.path("start").asText()).isEqualTo("2024-09-02");
        assertThat(september.path("end").asText()).isEqualTo("2024-09-29");
        long weekly = 0;
        for (JsonNode week : weeks) {
            weekly += week.path("totalMinutes").asLong();
        }
        assertThat(september.path("totalMinutes").asLong()).isEqualTo(weekly).isEqualTo(5 * 140);
    }

    @Test
    void weekNotYetPublished_showsNothingButWhenItWillBe() {
        TeamFixture team = new TeamFixture(TestApp.admin(APP), 5);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        for (String member : team.members) {
            team.log(member, today.toString(), step("sculpt", 100, "CRAFT"));
        }

        JsonNode report = team.report(today.toString(), today.toString(), "week", "json").json();

        JsonNode week = report.path("series").get(0);
        LocalDate sunday = today.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
        assertThat(week.path("pending").asBoolean()).isTrue();
        assertThat(week.path("totalMinutes").isNull()).isTrue();
        assertThat(week.has("published")).isFalse();
        assertThat(week.path("publishesOn").asText()).isEqualTo(sunday.plusDays(15).toString());
        assertThat(report.path("privacy").path("note").asText()).contains("after publication");
    }

    @Test
    void publishedWeek_saysWhenItWasFixed() {
        TeamFixture team = new TeamFixture(TestApp.admin(APP), 5);
        for (String member : team.members) {
            team.log(member, "2024-09-03", step("sculpt", 100, "CRAFT"));
        }

        JsonNode week = team.report("2024-09-02", "2024-09-08", "week", "json").json().path("series").get(0);

        assertThat(week.path("published").asText()).isEqualTo(LocalDate.now(ZoneOffset.UTC).toString());
        assertThat(week.path("pending").asBoolean()).isFalse();
        assertThat(week.path("totalMinutes").asLong()).isEqualTo(500);
    }

    /** The weekly and monthly report of September 2024 as JSON, CSV and SVG. */
    private static List<Http.Reply> everyForm(TeamFixture team) {
        List<Http.Reply> replies = new ArrayList<>();
        for (String bucket : List.of("week", "month")) {
            for (String format : List.of("json", "csv", "svg")) {
                replies.add(team.report("2024-09-02", "2024-09-29", bucket, format));
            }
        }
        return replies;
    }

    private static JsonNode tool(JsonNode report, String name) {
        for (JsonNode tool : report.path("tools")) {
            if (tool.path("tool").asText().equals(name)) {
                return tool;
            }
        }
        return MissingNode.getInstance();
    }
}
