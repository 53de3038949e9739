package org.craftline.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.craftline.testing.Payloads.step;
import static org.craftline.testing.ProblemAssert.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.List;
import java.util.Map;
import org.craftline.CraftlineConfiguration;
import org.craftline.testing.Http;
import org.craftline.testing.TestApp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A team report shows a period only when enough distinct workers logged in it to hide each one. */
@ExtendWith(DropwizardExtensionsSupport.class)
class TeamReportTest {

    static final DropwizardAppExtension<CraftlineConfiguration> APP = TestApp.extension();

    Http admin;
    Http analyst;
    String team;
    List<String> members;
    TeamFixture fixture;

    @BeforeEach
    void fiveMemberTeam() {
        fixture = new TeamFixture(TestApp.admin(APP), 5);
        admin = fixture.admin;
        analyst = fixture.analyst;
        team = fixture.team;
        members = fixture.members;
    }

    private void log(String worker, String date, int craft, int execution) {
        fixture.log(worker, date, step("sculpt", craft, "CRAFT"), step("prompt", execution, "EXECUTION"));
    }

    @Test
    void periodWithFourWorkers_isSuppressedAndWithFive_isShown() {
        // Week of 2023-03-06: four of five log. Week of 2023-03-13: all five, one of them twice.
        for (int i = 0; i < 4; i++) {
            log(members.get(i), "2023-03-07", 100, 100);
        }
        for (String member : members) {
            log(member, "2023-03-14", 60, 40);
        }
        log(members.get(0), "2023-03-15", 1, 99);

        Http.Reply reply = analyst.get("/api/reports/deskilling?team=" + team + "&from=2023-03-06&to=2023-03-19");

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode report = reply.json();
        assertThat(report.path("subject").path("team").asText()).isEqualTo(team);
        assertThat(report.path("subject").has("worker")).isFalse();
        JsonNode hidden = report.path("series").get(0);
        assertThat(hidden.path("suppressed").asBoolean()).isTrue();
        for (String figure : List.of("totalMinutes", "craftMinutes", "executionMinutes", "craftShare")) {
            assertThat(hidden.path(figure).isNull()).as(figure).isTrue();
        }
        JsonNode shown = report.path("series").get(1);
        assertThat(shown.path("suppressed").asBoolean()).isFalse();
        assertThat(shown.path("totalMinutes").asLong()).isEqualTo(5 * 100 + 100);
        assertThat(shown.path("craftMinutes").asLong()).isEqualTo(5 * 60 + 1);
        assertThat(shown.path("craftShare").asDouble()).isEqualTo(301.0 / 600.0);
        for (String member : members) {
            assertThat(reply.body()).doesNotContain(member);
        }
    }

    @Test
    void emptyAndUnknownTeams_areFullySuppressed() {
        JsonNode series = analyst.get("/api/reports/deskilling?team=no-such-team&from=2023-03-06&to=2023-03-19")
                .json().path("series");

        assertThat(series).hasSize(2);
        assertThat(series.findValuesAsText("suppressed")).containsOnly("true");
    }

    @Test
    void workerToken_cannotReadTeamReports() {
        Http member = TestApp.signedIn(admin, members.get(0), "WORKER");

        assertProblem(member.get("/api/reports/deskilling?team=" + team), 403);
    }

    @Test
    void bothOrNeitherSubject_returns400() {
        assertProblem(analyst.get("/api/reports/deskilling?team=" + team + "&worker=" + members.get(0)), 400);
        assertProblem(analyst.get("/api/reports/deskilling"), 400);
    }

    @Test
    void minimumGroupSizeUnderFive_refusesToStart() {
        var app = TestApp.support(TestApp.newDatabaseFile(), Map.of("privacy.minGroupSize", "4"));

        assertThatThrownBy(app::before).hasStackTraceContaining("minGroupSize");
        app.after();
    }

    @Test
    void graceWindowUnderSevenDays_refusesToStart() {
        var app = TestApp.support(TestApp.newDatabaseFile(), Map.of("privacy.teamGraceDays", "6"));

        assertThatThrownBy(app::before).hasStackTraceContaining("teamGraceDays");
        app.after();
    }
}
