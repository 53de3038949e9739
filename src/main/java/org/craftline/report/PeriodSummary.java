package org.craftline.report;

import java.time.LocalDate;

/**
 * One entry of a report's series. {@code craftShare} is null when nothing was logged in the period;
 * every figure is null when the period is {@code suppressed} to protect the people in a small group.
 */
public record PeriodSummary(
        LocalDate start,
        LocalDate end,
        Long totalMinutes,
        Long craftMinutes,
        Long executionMinutes,
        Double craftShare,
        boolean suppressed) {

    /**
     * The craft share is a ratio of sums over the whole period, not a mean of daily shares, so a
     * long day weighs more than a short one, as it should in a share of working time.
     */
    static PeriodSummary of(Period period, long totalMinutes, long craftMinutes) {
        Double share = totalMinutes == 0 ? null : (double) craftMinutes / totalMinutes;
        return new PeriodSummary(period.start(), period.end(), totalMinutes, craftMinutes,
                totalMinutes - craftMinutes, share, false);
    }

    static PeriodSummary suppressed(Period period) {
        return new PeriodSummary(period.start(), period.end(), null, null, null, null, true);
    }
}
