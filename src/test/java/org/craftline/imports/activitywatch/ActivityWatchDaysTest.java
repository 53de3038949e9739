package org.craftline.imports.activitywatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.craftline.imports.capture.CapturedDays;
import org.craftline.imports.capture.Texts;
import org.craftline.rules.Rule;
import org.craftline.rules.RuleBook;
import org.craftline.rules.RuleSet;
import org.craftline.step.Mediation;
import org.craftline.step.Mode;
import org.craftline.step.Step;
import org.craftline.testing.NoDatabase;
import org.junit.jupiter.api.Test;

/** A host's focused time into days of the worker's zone, and each day into steps by the worker's rules. */
@NoDatabase
class ActivityWatchDaysTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final CapturedDays.Settings SETTINGS = new CapturedDays.Settings(120_000, 60_000, false);
    private static final RuleBook ARTIST = RuleBook.of(new RuleSet(List.of(
            new Rule(Map.of("app", "ZBrush|Blender"), "sculpt", Mode.CRAFT, "ZBrush", null, null, null, null),
            new Rule(Map.of("url", "midjourney\\.com"), "prompt", Mode.EXECUTION, "Midjourney", null,
                    Mediation.GENERATED, null, null),
            new Rule(Map.of("app", "Slack"), null, null, null, null, null, true, null))));

    private final Texts texts = new Texts();
    private final List<Timeline.Stretch> stretches = new ArrayList<>();

    private void focus(String from, String to, String app, String title, String url) {
        stretches.add(new Timeline.Stretch(Instant.parse(from).toEpochMilli(), Instant.parse(to).toEpochMilli(),
                texts.number(app), texts.number(title), texts.number(url)));
    }

    private List<CapturedDays.Day> days() {
        WindowKinds kinds = new WindowKinds(ARTIST, texts);
        return CapturedDays.of(ActivityWatch.spans(stretches, kinds), BERLIN, kinds, SETTINGS);
    }

    private static int totalMinutes(CapturedDays.Day day) {
        return day.steps().stream().mapToInt(Step::minutes).sum();
    }

    private static List<String> steps(CapturedDays.Day day) {
        return day.steps().stream().map(step -> step.activity() + " " + step.minutes() + " " + step.mode()).toList();
    }

    @Test
    void runsOfOneRule_becomeSteps_inTimeOrder_acrossShortGaps() {
        focus("2023-03-14T09:00:00Z", "2023-03-14T09:40:00Z", "Blender", "rig.blend", null);
        focus("2023-03-14T09:41:30Z", "2023-03-14T09:50:00Z", "ZBrush", "head.ZPR", null);
        focus("2023-03-14T09:50:00Z", "2023-03-14T10:05:00Z", "Firefox", "Midjourney", "https://www.midjourney.com/x");
        focus("2023-03-14T10:05:00Z", "2023-03-14T10:20:00Z", "Blender", "rig.blend", null);

        List<CapturedDays.Day> days = days();

        assertThat(days).hasSize(1);
        assertThat(steps(days.get(0))).containsExactly("sculpt 49 CRAFT", "prompt 15 EXECUTION", "sculpt 15 CRAFT");
        Step prompt = days.get(0).steps().get(1);
        assertThat(prompt.tool()).isEqualTo("Midjourney");
        assertThat(prompt.mediation()).isEqualTo(Mediation.GENERATED);
    }

    @Test
    void unclassifiedAndIgnoredTime_isReported_neverAStep_andShortRunsAreCounted() {
        focus("2023-03-14T09:00:00Z", "2023-03-14T09:30:00Z", "Discord", "#midjourney", null);
        focus("2023-03-14T09:30:00Z", "2023-03-14T09:40:00Z", "Slack", "general", null);
        focus("2023-03-14T09:40:00Z", "2023-03-14T09:40:40Z", "Blender", "rig.blend", null);
        focus("2023-03-14T09:40:40Z", "2023-03-14T09:45:00Z", "Photoshop", "paintover.psd", null);
        focus("2023-03-14T09:45:00Z", "2023-03-14T09:47:00Z", "Firefox", "Hacker News",
                "https://news.ycombinator.com/item?id=1");

        CapturedDays.Day day = days().get(0);

        assertThat(day.steps()).isEmpty();
        assertThat(day.unclassified()).isEqualTo((30 * 60 + 4 * 60 + 20 + 2 * 60) * 1000L);
        assertThat(day.unmatched()).containsExactly(
                new CapturedDays.Unmatched(Map.of("app", "Discord"), 1_800_000L),
                new CapturedDays.Unmatched(Map.of("app", "Photoshop"), 260_000L),
                new CapturedDays.Unmatched(Map.of("app", "Firefox", "url", "news.ycombinator.com"), 120_000L));
        assertThat(day.ignored()).isEqualTo(600_000L);
        assertThat(day.shortRuns()).isEqualTo(1);
        assertThat(day.shortRunTime()).isEqualTo(40_000L);
    }

    @Test
    void daysAreCutAtTheWorkersMidnight_evenOnTheDayTheClockSkipsAnHour() {
        // Berlin's midnight is 23:00 UTC in winter and 22:00 UTC in summer; 26 March 2023 has 23 hours.
        focus("2023-03-25T22:30:00Z", "2023-03-25T23:30:00Z", "Blender", "a", null);
        focus("2023-03-26T21:30:00Z", "2023-03-26T22:30:00Z", "Blender", "b", null);

        List<CapturedDays.Day> days = days();

        assertThat(days).extracting(CapturedDays.Day::date).containsExactly(LocalDate.parse("2023-03-25"),
                LocalDate.parse("2023-03-26"), LocalDate.parse("2023-03-27"));
        assertThat(days).map(ActivityWatchDaysTest::totalMinutes).containsExactly(30, 60, 30);
    }
}
