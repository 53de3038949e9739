package org.craftline.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.craftline.CraftlineConfiguration;
import org.craftline.testing.BrowserLevel;
import org.craftline.testing.SettableClock;
import org.craftline.testing.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

/**
 * The step timer on the page in Chromium, against a server whose clock the test moves: started,
 * still running after a reload, stopped by keyboard into a step; a timer left overnight asks first.
 */
@BrowserLevel
@ExtendWith(DropwizardExtensionsSupport.class)
class TimerPageTest {

    static final SettableClock CLOCK = new SettableClock(LocalDate.parse("2031-06-02"));
    static final DropwizardAppExtension<CraftlineConfiguration> APP = new DropwizardAppExtension<>(
            TestApp.support(TestApp.newDatabaseFile(), Map.of(), CLOCK));
    @RegisterExtension
    static final PageSession session = new PageSession(APP);

    @Test
    void aStepIsTimed_throughAReload_andStoppedByKeyboardIntoTheDaysTask() {
        CLOCK.advance(Duration.ofHours(9));
        String handle = session.newWorker("timed");
        session.signIn(handle);

        session.browser.visible("timer-activity").sendKeys("sculpt");
        session.browser.find("timer-tool").sendKeys("ZBrush", Keys.ENTER);
        session.browser.waitForText("timer-running", "Timing sculpt (craft, ZBrush): 0:00:0");
        CLOCK.advance(Duration.ofMinutes(30));
        session.browser.open(session.page());
        session.browser.waitForText("timer-running", "Timing sculpt (craft, ZBrush): 0:30:0");
        assertThat(session.browser.driver.getTitle()).startsWith("0:30:0").contains("sculpt");
        session.browser.screenshot("timer-running");
        assertThat(session.browser.seriousAccessibilityViolations()).as("axe-core on the running timer").isEmpty();
        assertThat(session.browser.onPhone("timer-running", "timer")).as("the timer past a phone's screen").isZero();

        new Actions(session.browser.driver).keyDown(Keys.ALT).sendKeys("t").keyUp(Keys.ALT).perform();

        session.browser.waitForText("timer-running", "Saved 30 minutes of sculpt in \"Timed steps\"");
        session.browser.waitForText("recent", "Timed steps, 30 minutes, craft share 100%");
        assertThat(session.browser.driver.getTitle()).isEqualTo("Craftline");
        assertThat(session.admin.get("/api/export?worker=" + handle).json().path("tasks").get(0).path("steps").get(0)
                .path("tool").asText()).isEqualTo("ZBrush");
    }

    @Test
    void aTimerLeftOvernight_asksBeforeItSaves() {
        String handle = session.newWorker("overnight");
        session.signIn(handle);
        session.browser.visible("timer-activity").sendKeys("paint-over", Keys.ENTER);
        session.browser.waitForText("timer-running", "Timing paint-over");
        CLOCK.advance(Duration.ofHours(26));

        session.browser.find("timer-stop").click();
        session.browser.waitForText("timer-question", "left running by mistake");
        session.browser.screenshot("timer-asks");
        session.browser.find("timer-confirm").click();

        session.browser.waitForText("timer-running", "Saved");
        assertThat(session.admin.get("/api/export?worker=" + handle).json().path("tasks").get(0).path("steps").get(0)
                .path("minutes").asInt()).isEqualTo(1440);
    }
}
