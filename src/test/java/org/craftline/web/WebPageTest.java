package org.craftline.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.craftline.CraftlineConfiguration;
import org.craftline.Http;
import org.craftline.Payloads;
import org.craftline.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The web page at {@code /} in real Chromium: signing in and out, by keyboard, with clear errors. */
@ExtendWith(DropwizardExtensionsSupport.class)
class WebPageTest {

    static final DropwizardAppExtension<CraftlineConfiguration> APP = TestApp.extension();
    static Browser browser;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    /**
     * Each test starts signed out, whatever the one before left in the browser's storage. The
     * storage is cleared on a file of the same origin that runs no script, so that no request of
     * a signed-in page is still under way when the token goes.
     */
    @BeforeEach
    void signedOut() {
        browser.open(page() + "favicon.svg");
        browser.script("localStorage.clear()");
        browser.consoleErrors();
    }

    private static String newWorker(Http admin, String prefix) {
        String handle = TestApp.uniqueHandle(prefix);
        TestApp.createWorker(admin, handle);
        return handle;
    }

    /** Signs the worker in with a new token, kept where the page itself keeps it. */
    private void signIn(Http admin, String handle) {
        browser.script("localStorage.setItem('craftline.token', arguments[0])", TestApp.token(admin, handle, "WORKER"));
        browser.open(page());
        browser.waitForText("who", handle);
    }

    private String page() {
        return "http://127.0.0.1:" + APP.getLocalPort() + "/";
    }

    @Test
    void aWorker_signsInByKeyboard_staysSignedIn_andSignsOut() {
        Http admin = TestApp.admin(APP);
        String handle = newWorker(admin, "page");
        String token = TestApp.token(admin, handle, "WORKER");

        browser.open(page());
        browser.visible("token").sendKeys("not-a-token", Keys.ENTER);
        browser.waitForText("token-error", "not accepted");
        browser.screenshot("sign-in-refused");
        assertThat(browser.seriousAccessibilityViolations()).as("axe-core on the sign-in page").isEmpty();

        browser.visible("token").sendKeys(token, Keys.ENTER);
        browser.waitForText("who", "Signed in as " + handle + " (worker)");
        browser.screenshot("signed-in");

        browser.open(page());
        browser.waitForText("who", "Signed in as " + handle);

        browser.find("sign-out").click();
        assertThat(browser.visible("token").isDisplayed()).isTrue();
        assertThat(browser.script("return localStorage.getItem('craftline.token')")).as("the token is forgotten")
                .isNull();
        assertThat(browser.find("home").isDisplayed()).isFalse();
        assertThat(browser.consoleErrors()).as("console errors other than the refused token's 401")
                .allMatch(message -> message.contains("401"));
    }

    @Test
    void aTaskOfTwoSteps_isLoggedByKeyboard_andAServerErrorShowsByItsField() {
        Http admin = TestApp.admin(APP);
        signIn(admin, newWorker(admin, "logger"));

        WebElement date = browser.visible("task-date");
        browser.script("arguments[0].value = '2023-03-14'", date);
        browser.find("task-title").sendKeys("Hero prop");
        WebElement firstActivity = browser.driver.findElement(By.cssSelector("#steps li:nth-child(1) [name=activity]"));
        firstActivity.sendKeys("sculpt", Keys.TAB, "120", Keys.TAB, Keys.ENTER);
        WebElement second = browser.driver.findElement(By.cssSelector("#steps li:nth-child(2) [name=activity]"));
        assertThat(browser.driver.switchTo().activeElement()).as("Enter added a step and moved to it").isEqualTo(second);
        second.sendKeys("prompt", Keys.TAB, "2000");
        new Select(browser.driver.findElement(By.cssSelector("#steps li:nth-child(2) [name=mode]")))
                .selectByValue("EXECUTION");
        browser.waitForText("day-total", "2120 minutes");

        browser.find("task-form").submit();
        browser.waitForText("steps", "minutes:");
        assertThat(browser.driver.findElement(By.cssSelector("#steps li:nth-child(2) .error")).getText())
                .as("the server's word sits in the second step's row").startsWith("minutes:");
        assertThat(browser.driver.findElement(By.cssSelector("#steps li:nth-child(2) [name=minutes]"))
                .getAttribute("aria-invalid")).isEqualTo("true");
        browser.screenshot("day-form-error");
        assertThat(browser.seriousAccessibilityViolations()).as("axe-core on the day form with an error").isEmpty();

        WebElement minutes = browser.driver.findElement(By.cssSelector("#steps li:nth-child(2) [name=minutes]"));
        minutes.clear();
        minutes.sendKeys("60");
        browser.waitForText("day-total", "180 minutes, craft share 67%");
        browser.find("task-form").submit();
        browser.waitForText("task-saved", "Saved \"Hero prop\": 180 minutes");
        browser.waitForText("recent", "2023-03-14: Hero prop, 180 minutes, craft share 67%");
        browser.screenshot("day-form");
        assertThat(browser.consoleErrors()).as("no console errors but the refused POST's 422")
                .allMatch(message -> message.contains("422"));
    }

    @Test
    void theTrend_showsTheChartAVerdictAndDownloads() {
        Http admin = TestApp.admin(APP);
        String handle = newWorker(admin, "trend");
        // Eight weeks: mostly craft for four, then mostly execution.
        for (int week = 0; week < 8; week++) {
            String date = java.time.LocalDate.parse("2023-02-06").plusWeeks(week).toString();
            int craft = week < 4 ? 300 : 60;
            String body = Http.json(java.util.Map.of("worker", handle, "date", date, "title", "week " + week,
                    "steps", java.util.List.of(
                            java.util.Map.of("activity", "sculpt", "minutes", craft, "mode", "CRAFT"),
                            java.util.Map.of("activity", "prompt", "minutes", 360 - craft, "mode", "EXECUTION"))));
            assertThat(admin.post("/api/tasks", body).status()).isEqualTo(201);
        }
        signIn(admin, handle);

        browser.script("document.getElementById('trend-from').value = '2023-02-06';"
                + "document.getElementById('trend-to').value = '2023-04-02';");
        browser.find("trend-form").submit();
        browser.waitForText("trend-verdict", "Your craft share fell from 83% to 17% around 6 March 2023");
        browser.visible("trend-chart");
        new WebDriverWait(browser.driver, java.time.Duration.ofSeconds(5)).until(driver -> ((Number) browser.script(
                "return document.getElementById('trend-chart').naturalWidth")).intValue() > 0);
        assertThat(browser.find("download-csv").getAttribute("href")).startsWith("blob:");
        assertThat(browser.find("trend-chart").getAttribute("alt")).contains("fell from 83%");
        browser.script("document.getElementById('trend').scrollIntoView()");
        browser.screenshot("trend");
        assertThat(browser.seriousAccessibilityViolations()).as("axe-core on the trend").isEmpty();
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void anEdit_isSaved_andAStaleOneShowsTheFreshVersion() {
        Http admin = TestApp.admin(APP);
        String handle = newWorker(admin, "editor");
        String id = admin.post("/api/tasks", Http.json(Payloads.task(handle, "2023-03-14"))).json().path("id").asText();
        signIn(admin, handle);
        browser.waitForText("recent", "2023-03-14");

        browser.driver.findElement(By.cssSelector("#recent li button")).click();
        browser.waitForText("log-title", "Edit");
        WebElement title = browser.find("task-title");
        title.clear();
        title.sendKeys("Renamed here");
        browser.find("task-form").submit();
        browser.waitForText("recent", "Renamed here");

        browser.driver.findElement(By.cssSelector("#recent li button")).click();
        browser.waitForText("log-title", "Edit \"Renamed here\"");
        Http.Reply current = admin.get("/api/tasks/" + id);
        java.util.Map<String, Object> elsewhere = Payloads.task(handle, "2023-03-14");
        elsewhere.put("title", "Changed elsewhere");
        assertThat(admin.put("/api/tasks/" + id, Http.json(elsewhere), current.header("ETag")).status()).isEqualTo(200);
        browser.find("task-title").sendKeys(" again");
        browser.find("task-form").submit();

        browser.waitForText("error-steps", "Someone else changed this task");
        assertThat(browser.find("task-title").getAttribute("value")).isEqualTo("Changed elsewhere");
        browser.screenshot("stale-edit");
        assertThat(browser.consoleErrors()).allMatch(message -> message.contains("412"));
    }

    @Test
    void thePage_carriesItsProtectingHeaders() {
        Http.Reply page = new Http(APP.getLocalPort()).get("/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.header("Content-Security-Policy")).contains("script-src 'self'", "frame-ancestors 'none'");
        assertThat(page.body()).doesNotContain("<script>", "style=", "onclick");
    }
}
