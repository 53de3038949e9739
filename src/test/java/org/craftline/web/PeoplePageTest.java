package org.craftline.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.craftline.CraftlineConfiguration;
import org.craftline.testing.BrowserLevel;
import org.craftline.testing.SettableClock;
import org.craftline.testing.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * A newcomer's start without curl, in Chromium: the admin (with the first start's token) adds a
 * worker, issues their token and hands it over; the worker signs in with it, times a step and sees
 * the trend follow; an analyst picks a team from the list instead of typing it; a worker manages
 * their own tokens.
 */
@BrowserLevel
@ExtendWith(DropwizardExtensionsSupport.class)
class PeoplePageTest {

    /** The server's clock at nine this morning (UTC), as the page's own day is today. */
    static final SettableClock CLOCK = new SettableClock(LocalDate.now(ZoneOffset.UTC));
    static final DropwizardAppExtension<CraftlineConfiguration> APP = new DropwizardAppExtension<>(
            TestApp.support(TestApp.newDatabaseFile(), Map.of(), CLOCK));
    @RegisterExtension
    static final PageSession session = new PageSession(APP);

    static {
        CLOCK.advance(Duration.ofHours(9));
    }

    private String issueToken(String role, String label) {
        session.browser.find("token-label").sendKeys(label);
        new Select(session.browser.find("token-role")).selectByValue(role);
        session.browser.find("token-issue").click();
        session.browser.waitForText("token-handover", "not shown again");
        return session.browser.find("token-secret").getAttribute("value");
    }

    private void signInWith(String token) {
        session.signOut();
        session.browser.open(session.page());
        session.browser.visible("token").sendKeys(token, Keys.ENTER);
    }

    /**
     * The whole newcomer path on a fresh database: the admin, with the first start's token, adds a
     * worker and issues their token; the worker signs in with it in a browser of their own, times a
     * step (the server's clock moved, not waited for), and sees their trend count it.
     */
    @Test
    void theAdmin_addsAWorker_issuesTheirToken_andTheWorkerTimesAStep_andSeesTheTrendFollow() {
        String handle = TestApp.uniqueHandle("newcomer");
        String team = TestApp.uniqueHandle("props");
        signInWith(TestApp.ADMIN_TOKEN);
        session.browser.waitForText("who", "the admin");

        session.browser.visible("worker-handle").sendKeys(handle);
        session.browser.find("worker-name").sendKeys("Nia Newcomer");
        session.browser.find("worker-team").sendKeys(team);
        session.browser.find("worker-occupation").sendKeys("3D artist", Keys.ENTER);
        session.browser.waitForText("worker-saved", "Added " + handle);
        session.browser.waitForText("workers-body", handle);
        session.browser.waitForText("tokens-title", "Tokens of " + handle);
        String token = issueToken("WORKER", "laptop");
        session.browser.waitForText("tokens-list", "worker, laptop");
        session.browser.screenshot("admin-people");
        assertThat(session.browser.seriousAccessibilityViolations()).as("axe-core on the admin's view").isEmpty();
        assertThat(session.browser.controlsTabDoesNotReach()).as("the admin's controls Tab does not reach").isEmpty();
        assertThat(session.browser.onPhone("admin-people", "people")).as("the admin's view past a phone's screen")
                .isZero();
        List<WebElement> revoke = session.browser.driver.findElements(By.cssSelector("#tokens-list button"));
        assertThat(revoke).hasSize(1);

        try (Browser worker = Browser.start()) {
            worker.open(session.page());
            worker.visible("token").sendKeys(token, Keys.ENTER);
            worker.waitForText("who", "Signed in as " + handle + " (worker)");
            assertThat(worker.find("people").isDisplayed()).as("the admin's view is the admin's").isFalse();
            worker.waitForText("trend-verdict", "Too few periods with work to see a trend yet (0;");

            worker.visible("timer-activity").sendKeys("sculpt", Keys.ENTER);
            worker.waitForText("timer-running", "Timing sculpt (craft): 0:00:0");
            CLOCK.advance(Duration.ofMinutes(45));
            worker.find("timer-stop").click();

            worker.waitForText("timer-running", "Saved 45 minutes of sculpt in \"Timed steps\"");
            worker.waitForText("trend-verdict", "Too few periods with work to see a trend yet (1;");
            worker.waitForText("recent", "Timed steps, 45 minutes, craft share 100%");
            assertThat(worker.seriousAccessibilityViolations()).as("axe-core on the worker's view").isEmpty();
            assertThat(worker.controlsTabDoesNotReach()).as("the worker's controls Tab does not reach").isEmpty();
        }
    }

    @Test
    void anAnalyst_picksATeamFromTheList() {
        String team = TestApp.uniqueHandle("environment");
        session.newWorker("member", team);
        String researcher = session.newWorker("researcher", TestApp.uniqueHandle("elsewhere"));
        session.signIn(researcher, "ANALYST");

        session.browser.waitForText("trend-title", "Team trend");
        // The list of teams arrives after the title: wait for it, not for the title alone.
        session.browser.waitUntil(5, "return document.querySelectorAll('#known-teams option').length > 0");
        List<String> offered = session.browser.driver.findElements(By.cssSelector("#known-teams option")).stream()
                .map(option -> option.getAttribute("value")).toList();

        assertThat(offered).contains(team);
        assertThat(session.browser.find("trend-team").getAttribute("list")).isEqualTo("known-teams");
        assertThat(session.browser.driver.findElement(By.cssSelector("#known-teams option[value='" + team + "']"))
                .getAttribute("label")).isEqualTo(team + " (1 person)");
        session.browser.find("trend-team").sendKeys(team, Keys.ENTER);
        session.browser.waitForText("trend-verdict", " ");
        assertThat(session.browser.find("trend-error").getText()).isEmpty();
        assertThat(session.browser.seriousAccessibilityViolations()).as("axe-core on the analyst's view").isEmpty();
        assertThat(session.browser.controlsTabDoesNotReach()).as("the analyst's controls Tab does not reach").isEmpty();
    }

    @Test
    void aWorker_issuesATokenForASecondDevice_revokesIt_andDownloadsTheirLog() {
        String handle = session.newWorker("own");
        session.signIn(handle);
        session.browser.waitForText("tokens-title", "Your tokens");
        assertThat(session.browser.find("token-role-field").isDisplayed()).as("a worker's tokens are worker tokens")
                .isFalse();

        String phone = issueToken("WORKER", "phone");
        session.browser.waitForText("tokens-list", "worker, phone");
        assertThat(session.admin.as(phone).get("/api/me").json().path("handle").asText()).isEqualTo(handle);
        session.browser.driver.findElement(By.cssSelector("#tokens-list button[aria-label^='Revoke the token "
                + phone.substring(0, 6) + "']")).click();
        session.browser.waitForText("tokens-list", "revoked");
        assertThat(session.admin.as(phone).get("/api/me").status()).as("revoked").isEqualTo(401);

        session.browser.script("window.downloads = []; const click = HTMLAnchorElement.prototype.click;"
                + "HTMLAnchorElement.prototype.click = function () { window.downloads.push(this.download);"
                + " return click.call(this); };");
        session.browser.find("export-csv").click();
        session.browser.find("export-json").click();
        // Each export is fetched before its file is handed over: wait for both (an empty text is
        // in every element, so waiting for one never waited).
        session.browser.waitUntil(5, "return window.downloads.length >= 2");
        assertThat(session.browser.find("token-form-error").getText()).as("no error beside the downloads").isEmpty();
        assertThat(session.browser.script("return window.downloads.length >= 2 ? window.downloads : null"))
                .isNotNull().asString().contains("craftline-log.csv", "craftline-log.json");
        session.browser.screenshot("worker-tokens");
        assertThat(session.browser.seriousAccessibilityViolations()).as("axe-core on a worker's tokens").isEmpty();
    }
}
