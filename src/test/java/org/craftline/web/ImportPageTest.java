package org.craftline.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import org.craftline.CraftlineConfiguration;
import org.craftline.testing.BrowserLevel;
import org.craftline.testing.CaptureExports;
import org.craftline.testing.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The page's import in real Chromium: an ActivityWatch export previewed, a rule made from what it missed, imported. */
@BrowserLevel
@ExtendWith(DropwizardExtensionsSupport.class)
class ImportPageTest {

    static final DropwizardAppExtension<CraftlineConfiguration> APP = TestApp.extension();
    @RegisterExtension
    static final PageSession session = new PageSession(APP);

    @Test
    void anActivityWatchExport_isPreviewed_aRuleIsMadeFromWhatNoRuleMatched_andTheDaysAreImported() throws IOException {
        String handle = session.newWorker("capture");
        session.signIn(handle);
        Path export = Files.createTempFile("aw-export", ".json");
        Files.write(export, CaptureExports.activityWatch(3, LocalDate.parse("2023-03-06"), 3,
                ZoneId.of(String.valueOf(session.browser.script("return Intl.DateTimeFormat().resolvedOptions()"
                        + ".timeZone")))).json());

        session.browser.visible("import-file").sendKeys(export.toString());
        session.browser.find("import-preview").click();
        session.browser.waitForText("import-summary", "No time in this export matches a rule yet");
        assertThat(session.browser.find("import-source").getAttribute("value")).as("told by its content")
                .isEqualTo("activitywatch");
        assertThat(session.browser.find("import-days-body").findElements(By.tagName("tr"))).hasSize(3);
        session.browser.screenshot("import-preview");
        assertThat(session.browser.seriousAccessibilityViolations()).as("axe-core on the import preview").isEmpty();

        session.browser.driver.findElement(By.cssSelector("#unmatched button[aria-label*='Blender']")).click();
        WebElement activity = session.browser.driver.findElement(By.cssSelector("#rules li:last-child [name=activity]"));
        assertThat(session.browser.driver.switchTo().activeElement()).as("the new rule's activity has the focus")
                .isEqualTo(activity);
        assertThat(session.browser.driver.findElement(By.cssSelector("#rules li:last-child [name=pattern]"))
                .getAttribute("value")).isEqualTo("Blender");
        activity.clear();
        activity.sendKeys("sculpt");
        session.browser.find("save-rules").click();
        session.browser.waitForText("rules-saved", "Saved 1 rule.");
        session.browser.waitForText("import-summary", "Would import");
        assertThat(session.browser.find("import-days-body").getText()).contains("new");

        session.browser.find("import-run").click();
        session.browser.waitForText("import-summary", "Imported");
        session.browser.waitForText("recent", "ActivityWatch, studio");
        assertThat(session.admin.get("/api/export?worker=" + handle).json().path("tasks").findValuesAsText("activity"))
                .containsOnly("sculpt");
        session.browser.screenshot("import-done");
        assertThat(session.browser.seriousAccessibilityViolations()).as("axe-core after the import").isEmpty();
        assertThat(session.browser.consoleErrors()).as("no console errors (Chromium asks for /favicon.ico on its own)")
                .allMatch(message -> message.contains("/favicon.ico"));
    }
}
