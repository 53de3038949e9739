package org.craftline.task;

import java.util.List;

/** Logged and craft minutes of a task or a day; negated to take a task off a day. */
public record DayMinutes(int minutes, int craftMinutes) {

    static final int DAY = 1440;

    static DayMinutes of(List<Step> steps) {
        int total = 0;
        int craft = 0;
        for (Step step : steps) {
            total += step.minutes();
            craft += step.isCraft() ? step.minutes() : 0;
        }
        return new DayMinutes(total, craft);
    }

    DayMinutes plus(DayMinutes other) {
        return new DayMinutes(minutes + other.minutes, craftMinutes + other.craftMinutes);
    }

    DayMinutes negated() {
        return new DayMinutes(-minutes, -craftMinutes);
    }

    Double craftShare() {
        return minutes == 0 ? null : (double) craftMinutes / minutes;
    }
}
