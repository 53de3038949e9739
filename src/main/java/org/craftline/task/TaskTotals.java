package org.craftline.task;

import java.util.List;
import org.craftline.step.Step;

/** Logged and craft minutes of a task's steps, the totals a task shows. */
public record TaskTotals(int minutes, int craftMinutes) {

    static TaskTotals of(List<Step> steps) {
        int total = 0;
        int craft = 0;
        for (Step step : steps) {
            total += step.minutes();
            craft += step.isCraft() ? step.minutes() : 0;
        }
        return new TaskTotals(total, craft);
    }

    Double craftShare() {
        return minutes == 0 ? null : (double) craftMinutes / minutes;
    }
}
