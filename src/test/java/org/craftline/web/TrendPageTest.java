package org.craftline.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.craftline.CraftlineConfiguration;
import org.craftline.testing.BrowserLevel;
import org.craftline.testing.Http;
import org.craftline.testing.Payloads;
import org.craftline.testing.TestApp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** The trend in real Chromium: a worker's own, a team's for an analyst, on a phone and by keyboard alone. */
@BrowserLevel
@ExtendWith(DropwizardExtensionsSupport.class)
class TrendPageTest {

    static final DropwizardAppExtension<CraftlineConfiguration> APP = TestApp.extension();
    @RegisterExtension
    static final PageSession session = new PageSession(APP);

    @BeforeEach
    void desktopWidth() {
        session.browser.resize(Browser.DESKTOP_WIDTH, 900);
    }

    /** Eight weeks from 6 February 2023: mostly craft for four, then mostly execution with a new tool. */
    private void logEightWeeks(String handle) {
        for (int week = 0; week < 8; week++) {
            int craft = week < 4 ? 300 : 60;
            Map<String, Object> prompting = Payloads.step("prompt", 360 - craft, "EXECUTION");
            prompting.put("tool", week < 4 ? "ZBrush" : "Midjourney v5");
            Map<String, Object> task = Payloads.task(handle, LocalDate.parse("2023-02-06").plusWeeks(week).toString(),
                    Payloads.step("sculpt", craft, "CRAFT"), prompting);
            assertThat(session.admin.post("/api/tasks", Http.json(task)).status()).isEqualTo(201);
        }
    }

    /** Fills the trend form and shows it by pressing Enter in its last date field. */
    private void showTrend(String from, String to) {
        session.browser.script("document.getElementById('trend-from').value = arguments[0];"
                + "document.getElementById('trend-to').value = arguments[1];", from, to);
        session.browser.find("trend-to").sendKeys(Keys.ENTER);
    }

    private void waitForChart() {
        session.browser.waiting(5).until(driver -> ((Number) session.browser.script(
                "return document.getElementById('trend-chart').naturalWidth")).intValue() > 0);
    }

    /**
     * The chart the page shows, asked for as the page asks. (The page's own copy is a blob: URL that
     * its Content-Security-Policy rightly keeps its scripts from reading back.)
     */
    private static String chart(String subject, String from, String to) {
        Http.Reply reply = session.admin.get("/api/reports/deskilling?" + subject + "&from=" + from + "&to=" + to
                + "&bucket=week&format=svg");
        assertThat(reply.status()).isEqualTo(200);
        return reply.body();
    }

    /**
     * The chart as the page shows it: of the report on view, drawn for the width it is shown at (not
     * shrunk), so that its smallest text, read from the same chart asked for at that width, is at
     * least 11 CSS pixels.
     */
    private void assertChartTextAtLeast11Pixels(String range) {
        double shown = ((Number) session.browser.script(
                "return document.getElementById('trend-chart').getBoundingClientRect().width")).doubleValue();
        String query = String.valueOf(session.browser.script(
                "return document.getElementById('trend-chart').dataset.query"));
        int drawn = Integer.parseInt(String.valueOf(session.browser.script(
                "return document.getElementById('trend-chart').dataset.width")));
        String svg = session.admin.get("/api" + query + "&format=svg&width=" + drawn).body();
        double scale = (shown - 2) / drawn;
        List<Double> sizes = Pattern.compile("font-size: ?([\\d.]+)px").matcher(svg).results()
                .map(match -> Double.parseDouble(match.group(1)) * scale).toList();

        assertThat(query).as("the chart is of the report on view").contains(range);
        assertThat(shown).as("the chart fits the phone's screen").isLessThanOrEqualTo(Browser.PHONE_WIDTH);
        assertThat(sizes).as("the chart's text on screen, CSS pixels").isNotEmpty().allMatch(size -> size >= 11);
    }

    private static long count(String text, String pattern) {
        return Pattern.compile(pattern).matcher(text).results().count();
    }

    @Test
    void aWorkersTrend_showsVerdictChartFiguresAndDownloads_andTakesAnEvent() {
        String handle = session.newWorker("trend");
        logEightWeeks(handle);
        session.signIn(handle);

        showTrend("2023-02-06", "2023-04-02");
        session.browser.waitForText("trend-verdict", "Your craft share fell from 83% to 17% around 6 March 2023");
        waitForChart();
        List<WebElement> periods = session.browser.driver.findElements(By.cssSelector("#periods-body tr"));
        assertThat(periods).hasSize(8);
        String svg = chart("worker=" + handle, "2023-02-06", "2023-04-02");
        String verdict = session.browser.find("trend-verdict").getText();
        assertThat(verdict).as("the verdict allows for runs of similar weeks").contains("allowing for runs of similar weeks");
        String words = verdict.substring(verdict.indexOf(". ") + 2);
        assertThat(svg).as("the chart's caption says what the page says").contains(words);
        assertThat(count(svg, "<g id='period-")).as("one point per period in the chart").isEqualTo(8);
        assertThat(svg).contains("<title>Week of 2023-03-06: craft share 17% of 360 minutes</title>");
        assertThat(session.browser.find("trend-chart").getAttribute("alt")).contains("fell from 83%");
        assertThat(session.browser.find("download-csv").getAttribute("href")).startsWith("blob:");
        assertThat(session.browser.find("trend-fragmentation").getText()).startsWith("Fragmentation");
        assertThat(session.browser.find("tools-body").getText()).contains("Midjourney v5 1200 0 1200 2023-03-06");
        assertThat(session.browser.find("events-body").getText()).as("a tool's first use is an event of its own")
                .contains("first used Midjourney v5");

        session.browser.script("document.getElementById('event-date').value = '2023-03-06'");
        session.browser.find("event-label").sendKeys("Studio adopted Midjourney v5", Keys.ENTER);
        session.browser.waitForText("event-saved", "Added \"Studio adopted Midjourney v5\" on 2023-03-06.");
        session.browser.waitForText("events-body", "Studio adopted Midjourney v5");
        assertThat(session.browser.find("events-body").getText()).contains("83% 17% -67 points");

        session.browser.script("document.getElementById('event-date').value = ''");
        session.browser.find("event-label").sendKeys("no date", Keys.ENTER);
        session.browser.waitForText("error-event-date", "must be an ISO date");
        assertThat(session.browser.find("event-date").getAttribute("aria-invalid")).isEqualTo("true");

        session.browser.find("periods-details").findElement(By.tagName("summary")).click();
        session.browser.script("document.getElementById('trend').scrollIntoView()");
        session.browser.screenshot("trend");
        assertThat(session.browser.seriousAccessibilityViolations()).as("axe-core on the trend").isEmpty();
        assertThat(session.browser.consoleErrors()).as("no console errors but the refused event's 422")
                .allMatch(message -> message.contains("422"));
    }

    @Test
    void anAnalyst_seesTheTeamsAggregate_withThinPeriodsHiddenForPrivacy() {
        String team = TestApp.uniqueHandle("team");
        List<String> members = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            members.add(session.newWorker("member", team));
        }
        // Four weeks in which all five log, then a week in which only two do.
        for (int week = 0; week < 5; week++) {
            String date = LocalDate.parse("2023-02-06").plusWeeks(week).toString();
            for (String member : week < 4 ? members : members.subList(0, 2)) {
                assertThat(session.admin.post("/api/tasks", Http.json(Payloads.task(member, date))).status())
                        .isEqualTo(201);
            }
        }
        String analyst = session.newWorker("analyst", "research");
        session.signIn(analyst, "ANALYST");
        assertThat(session.browser.find("home").isDisplayed()).as("analysts log no day").isFalse();
        assertThat(session.browser.find("trend-title").getText()).isEqualTo("Team trend");
        assertThat(session.browser.find("event-section").isDisplayed()).isFalse();

        session.browser.find("trend-team").sendKeys(team);
        showTrend("2023-02-06", "2023-03-12");
        session.browser.waitForText("trend-verdict", "Team " + team + "'s craft share");
        waitForChart();
        assertThat(session.browser.find("trend-verdict").getText()).as("four weeks cannot show a trend")
                .contains("no clear trend, allowing for runs of similar weeks")
                .contains("With only 4 weeks no steady change could show: too short to tell");
        assertThat(session.browser.find("trend-privacy").getText()).startsWith("1 of 5 periods are hidden for privacy");
        session.browser.find("periods-details").findElement(By.tagName("summary")).click();
        List<WebElement> rows = session.browser.driver.findElements(By.cssSelector("#periods-body tr"));
        assertThat(rows).hasSize(5);
        assertThat(rows.get(4).getText()).isEqualTo("Week of 2023-03-06 Hidden for privacy: too few people logged work in it");
        assertThat(rows.get(0).getText()).isEqualTo("Week of 2023-02-06 450 67% 45.0 0% 0.92");
        String svg = chart("team=" + team, "2023-02-06", "2023-03-12");
        assertThat(count(svg, "<g id='period-")).as("no point for the hidden week").isEqualTo(4);
        assertThat(svg).doesNotContain(members.get(0));
        session.browser.script("document.getElementById('trend').scrollIntoView()");
        session.browser.screenshot("team-trend");
        assertThat(session.browser.seriousAccessibilityViolations()).as("axe-core on the team view").isEmpty();
        assertThat(session.browser.consoleErrors()).isEmpty();
    }

    @Test
    void thePage_readsAt375PixelsWide_andTabReachesEveryControl() {
        String handle = session.newWorker("phone");
        logEightWeeks(handle);
        session.signIn(handle);
        session.browser.resize(Browser.PHONE_WIDTH, 800);
        showTrend("2023-02-06", "2023-04-02");
        session.browser.waitForText("trend-verdict", "fell");
        waitForChart();
        session.browser.find("periods-details").findElement(By.tagName("summary")).sendKeys(Keys.ENTER);

        assertThat(session.browser.onPhone("trend", "trend-verdict")).as("nothing wider than the phone's screen")
                .isZero();
        assertChartTextAtLeast11Pixels("from=2023-02-06&to=2023-04-02");
        session.browser.script("window.scrollTo(0, 0)");
        session.browser.screenshot("phone-day-form");

        assertThat(session.browser.controlsTabDoesNotReach()).as("controls Tab does not reach").isEmpty();
        assertThat(session.browser.seriousAccessibilityViolations()).as("axe-core at 375 px").isEmpty();
    }

    @Test
    void anAnalyst_seesWeeksNotYetPublished_apartFromWeeksHiddenForPrivacy() {
        String team = TestApp.uniqueHandle("team");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate lastWeek = today.minusWeeks(1);
        for (int i = 0; i < 5; i++) {
            String member = session.newWorker("member", team);
            for (LocalDate day : List.of(today, lastWeek)) {
                assertThat(session.admin.post("/api/tasks", Http.json(Payloads.task(member, day.toString()))).status())
                        .isEqualTo(201);
            }
        }
        String analyst = session.newWorker("analyst", "research");
        session.signIn(analyst, "ANALYST");

        session.browser.find("trend-team").sendKeys(team);
        showTrend(lastWeek.minusWeeks(4).toString(), today.toString());
        session.browser.waitForText("trend-verdict", "Too few periods with work to see a trend yet (0;");
        session.browser.waitForText("trend-privacy", "not yet published");

        LocalDate sunday = today.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
        session.browser.find("periods-details").findElement(By.tagName("summary")).click();
        List<WebElement> rows = session.browser.driver.findElements(By.cssSelector("#periods-body tr"));
        assertThat(rows.get(rows.size() - 1).getText()).endsWith("Not yet published: published on " + sunday.plusDays(15));
        assertThat(rows.get(0).getText()).endsWith("Hidden for privacy: too few people logged work in it");
        // The last two or three weeks, by the weekday: a week is published 15 days after its Sunday.
        long pending = 0;
        for (LocalDate end = sunday; end.plusDays(15).isAfter(today); end = end.minusWeeks(1)) {
            pending++;
        }
        assertThat(session.browser.find("trend-privacy").getText())
                .contains((6 - pending) + " of 6 periods are hidden for privacy")
                .contains(pending + " of 6 periods are not yet published");
        assertThat(session.browser.consoleErrors()).isEmpty();
    }
}
