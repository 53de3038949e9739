package org.craftline.report;

import java.time.LocalDate;

/** One worker-day's rollup as the report reads it, with the day's fragmentation measures. */
public record WorkerDayFigures(LocalDate workDate, long workerId, int minutes, int craftMinutes,
                               int generatedMinutes, int prescribedMinutes, int stepCount, int repeatedMinutes,
                               int activityCount, double entropy) {

    /** Mean step length: minutes per step. */
    double stepMinutes() {
        return (double) minutes / stepCount;
    }

    /** Repetition share: minutes of steps whose activity already occurred that day, over all minutes. */
    double repetition() {
        return (double) repeatedMinutes / minutes;
    }

    /** Repertoire: the entropy of the day's time over activities divided by ln K; 0 for one activity. */
    double repertoire() {
        return activityCount > 1 ? entropy / Math.log(activityCount) : 0;
    }
}
