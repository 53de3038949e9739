package org.craftline.report;

import java.time.LocalDate;

/**
 * What a team's figures are made of: sums over worker-days, which add up from days into weeks and
 * from weeks into months and ranges, and the one place that turns them into figures. Fragmentation
 * pools everyone: minutes per step and repeated minutes per minute are ratios of sums, repertoire
 * the mean over worker-days, never a median or an extreme, which would be one person's own value.
 *
 * @param repertoireSum the sum over the worker-days of each day's repertoire
 */
record TeamSums(long minutes, long craftMinutes, long generatedMinutes, long prescribedMinutes, long steps,
                long repeatedMinutes, long workerDays, double repertoireSum) {

    static final TeamSums NONE = new TeamSums(0, 0, 0, 0, 0, 0, 0, 0);

    static TeamSums of(WorkerDayFigures day) {
        return new TeamSums(day.minutes(), day.craftMinutes(), day.generatedMinutes(), day.prescribedMinutes(),
                day.stepCount(), day.repeatedMinutes(), 1, day.repertoire());
    }

    /** A shown week's stored sums. */
    static TeamSums of(TeamWeek week) {
        return new TeamSums(week.minutes(), week.craftMinutes(), week.generatedMinutes(), week.prescribedMinutes(),
                week.stepCount(), week.repeatedMinutes(), week.workerDays(), week.repertoireSum());
    }

    TeamSums plus(TeamSums other) {
        return new TeamSums(minutes + other.minutes, craftMinutes + other.craftMinutes,
                generatedMinutes + other.generatedMinutes, prescribedMinutes + other.prescribedMinutes,
                steps + other.steps, repeatedMinutes + other.repeatedMinutes, workerDays + other.workerDays,
                repertoireSum + other.repertoireSum);
    }

    /** The week as stored when published, shown ({@code workers} at least the minimum group). */
    TeamWeek week(LocalDate start, LocalDate publishedOn, int workers) {
        return new TeamWeek(start, publishedOn, workers, minutes, craftMinutes, generatedMinutes, prescribedMinutes,
                steps, repeatedMinutes, (int) workerDays, repertoireSum);
    }

    /** A period's figures; {@code workers} only says the period may be shown. */
    PeriodTotals totals(LocalDate periodStart, int workers) {
        return new PeriodTotals(periodStart, minutes, craftMinutes, generatedMinutes, prescribedMinutes, workers,
                (double) minutes / steps, (double) repeatedMinutes / minutes, repertoireSum / workerDays);
    }
}
