package org.craftline.imports.capture;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.craftline.imports.capture.CaptureReport.ActivityMinutes;
import org.craftline.imports.capture.CaptureReport.DayReport;
import org.craftline.imports.capture.CaptureReport.UnmatchedMinutes;
import org.craftline.problem.Problem.FieldError;
import org.craftline.step.Mode;
import org.craftline.step.Step;
import org.craftline.task.NewTask;
import org.craftline.worker.Worker;

/**
 * An export read, classified and checked, nothing written yet: each day with what becomes of it,
 * the tasks the days to write make ({@code dayOfTask}: whose each is), and the earlier imports'
 * tasks they replace.
 */
public record CapturePlan(CaptureSource source, Worker owner, int records, List<PlannedDay> days, List<NewTask> tasks,
                   List<PlannedDay> dayOfTask, List<Long> replacing) {

    /** The refused days, each named with its reason. */
    public List<FieldError> refusals() {
        return days.stream().filter(day -> day.status() == DayStatus.REFUSED)
                .map(day -> new FieldError("day " + day.name(), day.reason())).toList();
    }

    public CaptureReport report(boolean dryRun) {
        int imported = count(DayStatus.IMPORT);
        int replaced = count(DayStatus.REPLACE);
        int before = count(DayStatus.ALREADY_IMPORTED);
        int refused = count(DayStatus.REFUSED);
        int empty = count(DayStatus.NO_STEPS);
        int steps = tasks.stream().mapToInt(task -> task.request().steps().size()).sum();
        int minutes = tasks.stream().flatMap(task -> task.request().steps().stream()).mapToInt(Step::minutes).sum();
        int unclassified = days.stream().mapToInt(day -> minutes(day.day().unclassified())).sum();
        List<DayReport> listed = days.stream().limit(CaptureReport.DAYS_LISTED).map(this::report).toList();
        String summary;
        if (days.isEmpty()) {
            summary = "The export holds no focused time to import.";
        } else if (imported + replaced + before + refused == 0) {
            summary = "No time in this export matches a rule yet: " + unclassified + " minutes are unclassified. "
                    + "Write rules for the values listed, then import again." + (dryRun ? "" : " Nothing was written.");
        } else if (imported + replaced == 0 && refused == 0) {
            summary = "Nothing new: " + before + " days were imported before and " + empty
                    + " have no time a rule classifies." + (dryRun ? "" : " Nothing was written.");
        } else {
            summary = (dryRun ? "Would import " : "Imported ") + minutes + " minutes in " + steps + " steps on "
                    + (imported + replaced) + " days (" + replaced + " of them replacing an earlier import); " + before
                    + " days imported before, " + refused + " refused, " + empty + " without steps; " + unclassified
                    + " minutes no rule classifies." + (dryRun ? " Nothing was written." : "");
        }
        return new CaptureReport(source.id, dryRun, records, imported, replaced, before, refused, empty, tasks.size(),
                steps, minutes, unclassified, listed, summary);
    }

    private int count(DayStatus status) {
        return (int) days.stream().filter(day -> day.status() == status).count();
    }

    private DayReport report(PlannedDay planned) {
        CapturedDays.Day day = planned.day();
        Map<List<Object>, Integer> byActivity = new LinkedHashMap<>();
        int craft = 0;
        int execution = 0;
        for (Step step : day.steps()) {
            byActivity.merge(Arrays.asList(step.activity(), step.mode(), step.tool()), step.minutes(),
                    Integer::sum);
            if (step.mode() == Mode.CRAFT) {
                craft += step.minutes();
            } else {
                execution += step.minutes();
            }
        }
        List<ActivityMinutes> activities = new ArrayList<>();
        byActivity.forEach((key, minutes) -> activities.add(
                new ActivityMinutes((String) key.get(0), (Mode) key.get(1), (String) key.get(2), minutes)));
        activities.sort(Comparator.comparingInt(ActivityMinutes::minutes).reversed());
        List<UnmatchedMinutes> unmatched = day.unmatched().stream()
                .map(value -> new UnmatchedMinutes(value.when(), minutes(value.millis()))).toList();
        boolean lines = source.recordsLineChanges;
        long changes = day.aiLines() + day.humanLines();
        return new DayReport(day.date(), planned.origin().isEmpty() ? null : planned.origin(), planned.status(),
                planned.reason(), day.steps().size(), craft + execution, craft, execution, activities,
                minutes(day.unclassified()), unmatched, minutes(day.ignored()), day.shortRuns(),
                minutes(day.shortRunTime()), lines ? day.aiLines() : null, lines ? day.humanLines() : null,
                lines && changes > 0 ? Math.round(1000.0 * day.aiLines() / changes) / 1000.0 : null);
    }

    static int minutes(long millis) {
        return (int) Math.round(millis / 60_000.0);
    }
}
