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
    static PageSession session;
    static Browser browser;

    @BeforeAll
    static void startBrowser() {
        session = PageSession.start(APP);
        browser = session.browser;
    }

    @AfterAll
    static void stopBrowser() {
        if (session != null) {
            session.close();
        }
    }

    @BeforeEach
    void signedOut() {
        session.signOut();
    }

    @Test
    void aWorker_signsInByKeyboard_staysSignedIn_andSignsOut() {
        String handle = session.newWorker("page");
        String token = TestApp.token(session.admin, handle, "WORKER");
        assertThat(session.admin.post("/api/tasks", Http.json(Payloads.task(handle, "2023-03-14"))).status())
                .isEqualTo(201);

        browser.open(session.page());
        browser.visible("token").sendKeys("not-a-token", Keys.ENTER);
        browser.waitForText("token-error", "not accepted");
        browser.screenshot("sign-in-refused");
        assertThat(browser.seriousAccessibilityViolations()).as("axe-core on the sign-in page").isEmpty();

        browser.visible("token").sendKeys(token, Keys.ENTER);
        browser.waitForText("who", "Signed in as " + handle + " (worker)");
        browser.screenshot("signed-in");

        browser.open(session.page());
        browser.waitForText("who", "Signed in as " + handle);

        browser.waitForText("recent", "2023-03-14");
        browser.waitForText("trend-verdict", "Too few periods");
        browser.find("sign-out").click();
        assertThat(browser.visible("token").isDisplayed()).isTrue();
        assertThat(browser.find("recent").getAttribute("textContent")).as("nothing of the last person stays").isEmpty();
        assertThat(browser.find("trend-verdict").getAttribute("textContent")).isEmpty();
        assertThat(browser.script("return localStorage.getItem('craftline.token')")).as("the token is forgotten")
                .isNull();
        assertThat(browser.find("home").isDisplayed()).isFalse();
        assertThat(browser.consoleErrors()).as("console errors other than the refused token's 401")
                .allMatch(message -> message.contains("401"));
    }

    @Test
    void aTaskOfTwoSteps_isLoggedByKeyboard_andAServerErrorShowsByItsField() {
        session.signIn(session.newWorker("logger"));

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
        browser.find("task-title").sendKeys(Keys.ENTER);
        browser.waitForText("task-saved", "Saved \"Hero prop\": 180 minutes");
        browser.waitForText("recent", "2023-03-14: Hero prop, 180 minutes, craft share 67%");

        browser.waitForText("day-total", "The whole day (14 March 2023): 180 minutes, craft share 67%.");
        browser.driver.findElement(By.cssSelector("#steps li:nth-child(1) [name=activity]")).sendKeys("uv", Keys.TAB, "60");
        new Select(browser.driver.findElement(By.cssSelector("#steps li:nth-child(1) [name=mode]")))
                .selectByValue("EXECUTION");
        browser.waitForText("day-total",
                "This task: 60 minutes, craft share 0%. The whole day (14 March 2023): 240 minutes, craft share 50%.");
        browser.screenshot("day-form");
        assertThat(browser.consoleErrors()).as("no console errors but the refused POST's 422")
                .allMatch(message -> message.contains("422"));
    }

    @Test
    void anEdit_isSaved_andAStaleOneShowsTheFreshVersion() {
        Http admin = session.admin;
        String handle = session.newWorker("editor");
        String id = admin.post("/api/tasks", Http.json(Payloads.task(handle, "2023-03-14"))).json().path("id").asText();
        session.signIn(handle);
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
    void theApiReference_rendersEveryOperation_withoutConsoleErrors() {
        browser.open(session.page() + "api/docs/");
        new WebDriverWait(browser.driver, java.time.Duration.ofSeconds(10)).until(driver ->
                !driver.findElements(By.cssSelector(".opblock")).isEmpty());
        int operations = browser.driver.findElements(By.cssSelector(".opblock")).size();
        long documented = 0;
        var paths = new Http(APP.getLocalPort()).get("/api/openapi.json").json().path("paths");
        for (var path : (Iterable<com.fasterxml.jackson.databind.JsonNode>) paths::elements) {
            documented += path.size();
        }
        assertThat(operations).as("one block per operation in /api/openapi.json").isEqualTo((int) documented);
        browser.screenshot("api-reference");
        assertThat(browser.consoleErrors()).isEmpty();
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
