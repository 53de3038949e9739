package org.craftline.imports.capture;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.craftline.step.Mode;

/**
 * What an ActivityWatch or WakaTime import did, or with {@code dryRun} would do: the totals, and
 * every day (the first 1,000 listed) with its minutes by mode and activity, its unclassified time
 * and the values that matched no rule, and what was left out and why.
 */
public record CaptureReport(
        String source,
        boolean dryRun,
        int records,
        int daysImported,
        int daysReplaced,
        int daysAlreadyImported,
        int daysRefused,
        int daysWithoutSteps,
        int tasks,
        int steps,
        int minutes,
        int unclassifiedMinutes,
        List<DayReport> days,
        String summary) {

    public static final int DAYS_LISTED = 1000;

    /** One day of one origin; the line-change fields only for WakaTime. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DayReport(
            LocalDate date,
            String origin,
            DayStatus status,
            String reason,
            int steps,
            int minutes,
            int craftMinutes,
            int executionMinutes,
            List<ActivityMinutes> activities,
            int unclassifiedMinutes,
            List<UnmatchedMinutes> unmatched,
            int ignoredMinutes,
            int shortRuns,
            int shortRunMinutes,
            Long aiLineChanges,
            Long humanLineChanges,
            Double aiShare) {
    }

    /** Minutes of one activity in one mode on the day, as its steps carry them. */
    public record ActivityMinutes(String activity, Mode mode, String tool, int minutes) {
    }

    /** Time no rule matched, and the values a rule for it would match on ({@code app}, {@code url}...). */
    public record UnmatchedMinutes(Map<String, String> when, int minutes) {
    }
}
