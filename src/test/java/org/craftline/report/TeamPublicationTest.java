package org.craftline.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.craftline.testing.Payloads.step;
import static org.craftline.testing.ProblemAssert.assertProblem;
import static org.craftline.report.TeamFixture.step;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.craftline.CraftlineConfiguration;
import org.craftline.testing.Http;
import org.craftline.testing.SettableClock;
import org.craftline.testing.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A team week is published once its grace window has passed, with the members it had, and never
 * changes after; a server whose clock the test moves shows it happen. Every test uses weeks of its
 * own, after the ones the tests before it published, since the clock only moves forward.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class TeamPublicationTest {

    /** A Thursday; each test starts a week after the last one ended. */
    static final SettableClock CLOCK = new SettableClock(LocalDate.parse("2030-01-10"));
    static final DropwizardAppExtension<CraftlineConfiguration> APP = new DropwizardAppExtension<>(
            TestApp.support(TestApp.newDatabaseFile(), Map.of(), CLOCK));

    /** Moves the clock to a Wednesday in the future of every earlier test and returns it. */
    private static LocalDate freshWednesday() {
        CLOCK.advance(Duration.ofDays(35));
        LocalDate today = CLOCK.today();
        while (today.getDayOfWeek() != java.time.DayOfWeek.WEDNESDAY) {
            CLOCK.advance(Duration.ofDays(1));
            today = CLOCK.today();
        }
        return today;
    }

    private static void moveTo(LocalDate day) {
        CLOCK.advance(Duration.between(CLOCK.today().atStartOfDay(), day.atStartOfDay()));
    }

    /** Every member of the team logs 100 minutes of CRAFT on {@code day}. */
    private static void everyoneSculpts(TeamFixture team, LocalDate day) {
        for (String member : team.members) {
            team.log(member, day.toString(), step("sculpt", 100, "CRAFT"));
        }
    }

    private static JsonNode week(TeamFixture team, LocalDate monday) {
        return team.report(monday.toString(), monday.plusDays(6).toString(), "week", "json").json().path("series").get(0);
    }

    @Test
    void week_isPendingUntilItsGraceHasPassed_thenFixed() {
        TeamFixture team = new TeamFixture(TestApp.admin(APP), 5);
        LocalDate wednesday = freshWednesday();
        LocalDate monday = wednesday.minusDays(2);
        everyoneSculpts(team, wednesday);
        LocalDate publication = monday.plusDays(6 + 15);

        moveTo(publication.minusDays(1));
        JsonNode pending = week(team, monday);
        assertThat(pending.path("pending").asBoolean()).isTrue();
        assertThat(pending.path("totalMinutes").isNull()).isTrue();
        assertThat(pending.path("publishesOn").asText()).isEqualTo(publication.toString());

        moveTo(publication);
        JsonNode published = week(team, monday);
        assertThat(published.path("pending").asBoolean()).isFalse();
        assertThat(published.path("published").asText()).isEqualTo(publication.toString());
        assertThat(published.path("totalMinutes").asLong()).isEqualTo(500);

        team.log(team.members.get(0), monday.toString(), step("uv", 77, "EXECUTION"));
        moveTo(publication.plusDays(40));
        assertThat(week(team, monday)).isEqualTo(published);
    }

    @Test
    void entryInTheGraceWindow_countsAndOneAfterItDoesNot() {
        TeamFixture team = new TeamFixture(TestApp.admin(APP), 5);
        LocalDate wednesday = freshWednesday();
        LocalDate monday = wednesday.minusDays(2);
        everyoneSculpts(team, wednesday);
        // The following Tuesday, inside the grace window: a Friday logged late still counts.
        moveTo(wednesday.plusDays(6));
        team.log(team.members.get(1), monday.plusDays(4).toString(), step("uv", 30, "EXECUTION"));
        moveTo(monday.plusDays(6 + 15));
        assertThat(week(team, monday).path("totalMinutes").asLong()).isEqualTo(530);
        // Published now: a Thursday logged later is not in the team's figures.
        team.log(team.members.get(2), monday.plusDays(3).toString(), step("uv", 40, "EXECUTION"));
        assertThat(week(team, monday).path("totalMinutes").asLong()).isEqualTo(530);
    }

    @Test
    void memberWhoLeavesBeforePublication_stillCountsForTheWeeksTheyWereIn() {
        TeamFixture team = new TeamFixture(TestApp.admin(APP), 5);
        LocalDate wednesday = freshWednesday();
        LocalDate monday = wednesday.minusDays(2);
        everyoneSculpts(team, wednesday);
        moveTo(wednesday.plusDays(7));
        String leaver = team.members.get(4);
        Http.Reply moved = team.admin.put("/api/workers/" + leaver + "/team", "{\"team\":\"elsewhere\"}", null);
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(moved.json().path("team").asText()).isEqualTo("elsewhere");
        // Logged after the move, for a day before it: still the old team's day.
        team.log(leaver, monday.plusDays(1).toString(), step("uv", 20, "EXECUTION"));
        // And a day after the move is the new team's.
        team.log(leaver, CLOCK.today().toString(), step("uv", 11, "EXECUTION"));

        moveTo(CLOCK.today().plusDays(30));
        assertThat(week(team, monday).path("totalMinutes").asLong()).isEqualTo(520);
        assertThat(week(team, CLOCK.today().minusDays(30).with(java.time.DayOfWeek.MONDAY)).path("suppressed")
                .asBoolean()).isTrue();
    }

    @Test
    void moveWithABadTeamName_is422_andOnlyAdminsMayMove() {
        TeamFixture team = new TeamFixture(TestApp.admin(APP), 5);
        String member = team.members.get(0);

        assertProblem(team.admin.put("/api/workers/" + member + "/team", "{\"team\":\"Not A Team\"}", null), 422);
        assertProblem(team.admin.put("/api/workers/nobody-here/team", "{\"team\":\"elsewhere\"}", null), 404);
        Http self = TestApp.signedIn(team.admin, member, "WORKER");
        assertProblem(self.put("/api/workers/" + member + "/team", "{\"team\":\"elsewhere\"}", null), 403);
        assertProblem(team.analyst.put("/api/workers/" + member + "/team", "{\"team\":\"elsewhere\"}", null), 403);

        Http.Reply out = team.admin.put("/api/workers/" + member + "/team", "{\"team\":null}", null);
        assertThat(out.status()).as(out.body()).isEqualTo(200);
        assertThat(out.json().path("team").isNull()).isTrue();
    }

    @Test
    void toolsLeavingOnePersonOutside_areNotShown() {
        TeamFixture team = new TeamFixture(TestApp.admin(APP), 6);
        LocalDate wednesday = freshWednesday();
        LocalDate monday = wednesday.minusDays(2);
        // Five spend their whole day in Blender, the sixth in Krita alone: total minus Blender is hers.
        for (String member : team.members(0, 1, 2, 3, 4)) {
            team.log(member, wednesday.toString(), step("bake", 100, "EXECUTION", "Blender"));
        }
        team.log(team.members.get(5), wednesday.toString(), step("paint", 83, "CRAFT", "Krita"));
        moveTo(monday.plusDays(6 + 15));

        JsonNode report = team.report(monday.toString(), monday.plusDays(6).toString(), "week", "json").json();

        assertThat(report.path("series").get(0).path("totalMinutes").asLong()).isEqualTo(583);
        assertThat(report.path("tools")).isEmpty();
    }
}
