package org.craftline.timer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.craftline.testing.ProblemAssert.assertFieldProblem;
import static org.craftline.testing.ProblemAssert.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.craftline.CraftlineConfiguration;
import org.craftline.testing.Http;
import org.craftline.testing.SettableClock;
import org.craftline.testing.TestApp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The step timer through HTTP, on a server whose clock the test moves (never sleeps): started,
 * shown alike everywhere, stopped into a step of the day, switched, and the long or overnight one
 * that asks first. Each test starts on a day of its own, since the clock only moves forward.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class TimerApiTest {

    static final SettableClock CLOCK = new SettableClock(LocalDate.parse("2031-03-03"));
    static final DropwizardAppExtension<CraftlineConfiguration> APP = new DropwizardAppExtension<>(
            TestApp.support(TestApp.newDatabaseFile(), Map.of(), CLOCK));
    private static final String SCULPT = "{\"activity\": \"Sculpt\", \"mode\": \"CRAFT\", \"tool\": \"ZBrush\"}";
    private static final String PROMPT =
            "{\"activity\": \"prompt\", \"mode\": \"EXECUTION\", \"tool\": \"Midjourney\"}";

    Http admin;
    Http me;
    String handle;
    LocalDate today;

    @BeforeEach
    void aWorkerOnADayOfTheirOwn() {
        admin = TestApp.admin(APP);
        handle = TestApp.uniqueHandle("timer");
        TestApp.createWorker(admin, handle);
        me = TestApp.signedIn(admin, handle, "WORKER");
        today = CLOCK.today().plusDays(1);
        at(9, 0);
    }

    private void at(int hour, int minute) {
        Instant target = today.atTime(hour, minute).toInstant(ZoneOffset.UTC);
        CLOCK.advance(Duration.between(CLOCK.instant(), target));
    }

    private void later(int minutes) {
        CLOCK.advance(Duration.ofMinutes(minutes));
    }

    private Http.Reply stop(String query) {
        return me.delete("/api/me/timer?zone=UTC" + query);
    }

    @Test
    void aTimer_runsOnTheServersClock_andStopsIntoAStepOfTheDaysTask() {
        assertThat(me.get("/api/me/timer").json().path("running").asBoolean()).isFalse();

        Http.Reply started = me.put("/api/me/timer", SCULPT, null);
        later(25);

        assertThat(started.status()).as(started.body()).isEqualTo(200);
        JsonNode shown = me.get("/api/me/timer").json();
        assertThat(shown.path("running").asBoolean()).isTrue();
        assertThat(shown.path("activity").asText()).isEqualTo("sculpt");
        assertThat(shown.path("elapsedSeconds").asLong()).isEqualTo(25 * 60);
        Http.Reply stopped = stop("");
        assertThat(stopped.status()).as(stopped.body()).isEqualTo(200);
        assertThat(stopped.json().path("title").asText()).isEqualTo(Timers.TASK_TITLE);
        assertThat(stopped.json().path("date").asText()).isEqualTo(today.toString());
        JsonNode step = stopped.json().path("steps").get(0);
        assertThat(step.path("minutes").asInt()).isEqualTo(25);
        assertThat(step.path("mode").asText()).isEqualTo("CRAFT");
        assertThat(step.path("tool").asText()).isEqualTo("ZBrush");
        assertThat(me.get("/api/me/timer").json().path("running").asBoolean()).isFalse();

        me.put("/api/me/timer", PROMPT, null);
        later(10);
        JsonNode second = stop("").json();

        assertThat(second.path("id").asLong()).as("the same day's task").isEqualTo(stopped.json().path("id").asLong());
        assertThat(second.path("steps").findValuesAsText("activity")).containsExactly("sculpt", "prompt");
        assertThat(me.get("/api/tasks?worker=" + handle).json().path("items")).hasSize(1);
    }

    @Test
    void aSecondStart_isRefused_butASwitchSavesTheFirstAndStartsTheNext() {
        me.put("/api/me/timer", SCULPT, null);
        later(40);

        assertProblem(me.put("/api/me/timer", PROMPT, null), 409);
        Http.Reply switched = me.put("/api/me/timer?switch=true&zone=UTC", PROMPT, null);

        assertThat(switched.status()).as(switched.body()).isEqualTo(200);
        assertThat(switched.json().path("activity").asText()).isEqualTo("prompt");
        assertThat(switched.json().path("elapsedSeconds").asLong()).isZero();
        JsonNode tasks = me.get("/api/tasks?worker=" + handle).json().path("items");
        assertThat(tasks.get(0).path("steps").get(0).path("minutes").asInt()).isEqualTo(40);
    }

    @Test
    void aTimerPastMidnight_asksBeforeItSaves_onTheDayItStarted() {
        at(23, 30);
        me.put("/api/me/timer", SCULPT, null);
        later(60);

        JsonNode asked = assertProblem(stop(""), 409);
        assertThat(asked.path("detail").asText()).contains("past midnight", "confirm=true", today.toString());
        assertThat(me.get("/api/me/timer").json().path("running").asBoolean()).as("still running").isTrue();
        Http.Reply saved = stop("&confirm=true");

        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.json().path("date").asText()).isEqualTo(today.toString());
        assertThat(saved.json().path("steps").get(0).path("minutes").asInt()).isEqualTo(60);
    }

    @Test
    void aTimerLongerThanTheLimit_asksToo_andCanBeDroppedWithoutSaving() {
        at(8, 0);
        me.put("/api/me/timer", SCULPT, null);
        later(601);

        assertProblem(stop(""), 409);
        Http.Reply dropped = me.delete("/api/me/timer?save=false");

        assertThat(dropped.status()).isEqualTo(204);
        assertThat(me.get("/api/tasks?worker=" + handle).json().path("items")).isEmpty();
        assertProblem(stop(""), 404);
    }

    @Test
    void aStepThatWouldFillTheDayPast1440Minutes_isRefused_andTheTimerKeepsRunning() {
        at(0, 10);
        Http.Reply logged = me.post("/api/tasks", "{\"worker\": \"" + handle + "\", \"date\": \"" + today
                + "\", \"title\": \"Crunch\", \"steps\": [{\"activity\": \"crunch\", \"minutes\": 1430, "
                + "\"mode\": \"EXECUTION\"}]}");
        assertThat(logged.status()).isEqualTo(201);
        me.put("/api/me/timer", SCULPT, null);
        later(20);

        assertProblem(stop(""), 422);

        assertThat(me.get("/api/me/timer").json().path("running").asBoolean()).isTrue();
    }

    @Test
    void badRequests_areNamed_andTheTimerIsAWorkersOwn() {
        assertFieldProblem(me.put("/api/me/timer", "{\"activity\": \"sculpt\"}", null), 422, "mode");
        assertProblem(me.put("/api/me/timer", "{\"activity\": \"sculpt\", \"mode\": \"SOMETIMES\"}", null), 422);
        me.put("/api/me/timer", SCULPT, null);
        assertProblem(me.delete("/api/me/timer"), 400);
        assertProblem(me.delete("/api/me/timer?zone=Mars/Olympus"), 400);
        assertProblem(me.put("/api/me/timer?switch=true", PROMPT, null), 400);
        assertProblem(me.delete("/api/me/timer?save=maybe&zone=UTC"), 400);
        assertThat(me.get("/api/me/timer").json().path("activity").asText()).as("nothing changed").isEqualTo("sculpt");
        assertProblem(admin.get("/api/me/timer"), 403);
        String researcher = TestApp.uniqueHandle("researcher");
        TestApp.createWorker(admin, researcher);
        assertProblem(TestApp.signedIn(admin, researcher, "ANALYST").get("/api/me/timer"), 403);
    }
}
