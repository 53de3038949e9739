package org.craftline.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.craftline.CraftlineConfiguration;
import org.craftline.testing.BrowserLevel;
import org.craftline.testing.Http;
import org.craftline.testing.Payloads;
import org.craftline.testing.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** The web page at {@code /} in real Chromium: signing in and out, by keyboard, with clear errors. */
@BrowserLevel
@ExtendWith(DropwizardExtensionsSupport.class)
class WebPageTest {

    static final DropwizardAppExtension<CraftlineConfiguration> APP = TestApp.extension();
    @RegisterExtension
    static final PageSession session = new PageSession(APP);

    @Test
    void aWorker_signsInByKeyboard_staysSignedIn_andSignsOut() {
        String handle = session.newWorker("page");
        String token = TestApp.token(session.admin, handle, "WORKER");
        assertThat(session.admin.post("/api/tasks", Http.json(Payloads.task(handle, "2023-03-14"))).status())
                .isEqualTo(201);

        session.browser.open(session.page());
        session.browser.visible("token").sendKeys("not-a-token", Keys.ENTER);
        session.browser.waitForText("token-error", "not accepted");
        session.browser.screenshot("sign-in-refused");
        assertThat(session.browser.seriousAccessibilityViolations()).as("axe-core on the sign-in page").isEmpty();

        session.browser.visible("token").sendKeys(token, Keys.ENTER);
        session.browser.waitForText("who", "Signed in as " + handle + " (worker)");
        session.browser.screenshot("signed-in");

        session.browser.open(session.page());
        session.browser.waitForText("who", "Signed in as " + handle);

        session.browser.waitForText("recent", "2023-03-14");
        session.browser.waitForText("trend-verdict", "Too few periods");
        session.browser.find("sign-out").click();
        assertThat(session.browser.visible("token").isDisplayed()).isTrue();
        assertThat(session.browser.find("recent").getAttribute("textContent")).as("nothing of the last person stays").isEmpty();
        assertThat(session.browser.find("trend-verdict").getAttribute("textContent")).isEmpty();
        assertThat(session.browser.script("return localStorage.getItem('craftline.token')")).as("the token is forgotten")
                .isNull();
        assertThat(session.browser.find("home").isDisplayed()).isFalse();
        assertThat(session.browser.consoleErrors()).as("console errors other than the refused token's 401")
                .allMatch(message -> message.contains("401"));
    }

    @Test
    void aTaskOfTwoSteps_isLoggedByKeyboard_andAServerErrorShowsByItsField() {
        session.signIn(session.newWorker("logger"));

        WebElement date = session.browser.visible("task-date");
        session.browser.script("arguments[0].value = '2023-03-14'", date);
        session.browser.find("task-title").sendKeys("Hero prop");
        WebElement firstActivity = session.browser.driver.findElement(By.cssSelector("#steps li:nth-child(1) [name=activity]"));
        firstActivity.sendKeys("sculpt", Keys.TAB, "120", Keys.TAB, Keys.ENTER);
        WebElement second = session.browser.driver.findElement(By.cssSelector("#steps li:nth-child(2) [name=activity]"));
        assertThat(session.browser.driver.switchTo().activeElement()).as("Enter added a step and moved to it").isEqualTo(second);
        second.sendKeys("prompt", Keys.TAB, "2000");
        new Select(session.browser.driver.findElement(By.cssSelector("#steps li:nth-child(2) [name=mode]")))
                .selectByValue("EXECUTION");
        session.browser.waitForText("day-total", "2120 minutes");

        session.browser.find("task-form").submit();
        session.browser.waitForText("steps", "minutes:");
        assertThat(session.browser.driver.findElement(By.cssSelector("#steps li:nth-child(2) .error")).getText())
                .as("the server's word sits in the second step's row").startsWith("minutes:");
        assertThat(session.browser.driver.findElement(By.cssSelector("#steps li:nth-child(2) [name=minutes]"))
                .getAttribute("aria-invalid")).isEqualTo("true");
        session.browser.screenshot("day-form-error");
        assertThat(session.browser.seriousAccessibilityViolations()).as("axe-core on the day form with an error").isEmpty();

        WebElement minutes = session.browser.driver.findElement(By.cssSelector("#steps li:nth-child(2) [name=minutes]"));
        minutes.clear();
        minutes.sendKeys("60");
        session.browser.waitForText("day-total", "180 minutes, craft share 67%");
        session.browser.find("task-title").sendKeys(Keys.ENTER);
        session.browser.waitForText("task-saved", "Saved \"Hero prop\": 180 minutes");
        session.browser.waitForText("recent", "2023-03-14: Hero prop, 180 minutes, craft share 67%");

        session.browser.waitForText("day-total", "The whole day (14 March 2023): 180 minutes, craft share 67%.");
        session.browser.driver.findElement(By.cssSelector("#steps li:nth-child(1) [name=activity]")).sendKeys("uv", Keys.TAB, "60");
        new Select(session.browser.driver.findElement(By.cssSelector("#steps li:nth-child(1) [name=mode]")))
                .selectByValue("EXECUTION");
        session.browser.waitForText("day-total",
                "This task: 60 minutes, craft share 0%. The whole day (14 March 2023): 240 minutes, craft share 50%.");
        session.browser.screenshot("day-form");
        assertThat(session.browser.consoleErrors()).as("no console errors but the refused POST's 422")
                .allMatch(message -> message.contains("422"));
    }

    @Test
    void anEdit_isSaved_andAStaleOneShowsTheFreshVersion() {
        Http admin = session.admin;
        String handle = session.newWorker("editor");
        String id = admin.post("/api/tasks", Http.json(Payloads.task(handle, "2023-03-14"))).json().path("id").asText();
        session.signIn(handle);
        session.browser.waitForText("recent", "2023-03-14");

        session.browser.driver.findElement(By.cssSelector("#recent li button")).click();
        session.browser.waitForText("log-title", "Edit");
        WebElement title = session.browser.find("task-title");
        title.clear();
        title.sendKeys("Renamed here");
        session.browser.find("task-form").submit();
        session.browser.waitForText("recent", "Renamed here");

        session.browser.driver.findElement(By.cssSelector("#recent li button")).click();
        session.browser.waitForText("log-title", "Edit \"Renamed here\"");
        Http.Reply current = admin.get("/api/tasks/" + id);
        java.util.Map<String, Object> elsewhere = Payloads.task(handle, "2023-03-14");
        elsewhere.put("title", "Changed elsewhere");
        assertThat(admin.put("/api/tasks/" + id, Http.json(elsewhere), current.header("ETag")).status()).isEqualTo(200);
        session.browser.find("task-title").sendKeys(" again");
        session.browser.find("task-form").submit();

        session.browser.waitForText("error-steps", "Someone else changed this task");
        assertThat(session.browser.find("task-title").getAttribute("value")).isEqualTo("Changed elsewhere");
        session.browser.screenshot("stale-edit");
        assertThat(session.browser.consoleErrors()).allMatch(message -> message.contains("412"));
    }

    @Test
    void theApiReference_rendersEveryOperation_withoutConsoleErrors() {
        session.browser.open(session.page() + "api/docs/");
        session.browser.waiting(10).until(driver ->
                !driver.findElements(By.cssSelector(".opblock")).isEmpty());
        int operations = session.browser.driver.findElements(By.cssSelector(".opblock")).size();
        long documented = 0;
        var paths = new Http(APP.getLocalPort()).get("/api/openapi.json").json().path("paths");
        for (var path : (Iterable<com.fasterxml.jackson.databind.JsonNode>) paths::elements) {
            documented += path.size();
        }
        assertThat(operations).as("one block per operation in /api/openapi.json").isEqualTo((int) documented);
        session.browser.screenshot("api-reference");
        assertThat(session.browser.consoleErrors()).isEmpty();
    }

    @Test
    void thePage_carriesItsProtectingHeaders() {
        Http.Reply page = new Http(APP.getLocalPort()).get("/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.header("Content-Security-Policy")).contains("script-src 'self'", "frame-ancestors 'none'");
        assertThat(page.body()).doesNotContain("<script>", "style=", "onclick");
    }

    @Test
    void theTrend_followsASavedTask_withoutAReload() {
        session.signIn(session.newWorker("fresh"));
        session.browser.waitForText("trend-verdict", "(0;");

        session.browser.find("task-title").sendKeys("Today's sculpt");
        session.browser.driver.findElement(By.cssSelector("#steps li:nth-child(1) [name=activity]"))
                .sendKeys("sculpt", Keys.TAB, "90");
        session.browser.find("task-form").submit();

        session.browser.waitForText("task-saved", "Saved");
        session.browser.waitForText("trend-verdict", "(1;");
        session.browser.waitForText("recent", "Today's sculpt");
    }
}
