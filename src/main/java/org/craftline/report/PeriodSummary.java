package org.craftline.report;

import java.time.LocalDate;

/** One entry of a report's series. {@code craftShare} is null when nothing was logged in the period. */
public record PeriodSummary(
        LocalDate start,
        LocalDate end,
        long totalMinutes,
        long craftMinutes,
        long executionMinutes,
        Double craftShare) {

    /**
     * The craft share is a ratio of sums over the whole period, not a mean of daily shares, so a
     * long day weighs more than a short one, as it should in a share of working time.
     */
    static PeriodSummary of(Period period, long totalMinutes, long craftMinutes) {
        Double share = totalMinutes == 0 ? null : (double) craftMinutes / totalMinutes;
        return new PeriodSummary(period.start(), period.end(), totalMinutes, craftMinutes,
                totalMinutes - craftMinutes, share);
    }
}
