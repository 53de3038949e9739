package org.craftline.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.LocalDate;

/**
 * One entry of a report's series. Shares are null when nothing was logged in the period; every
 * figure is null when the period is {@code suppressed} to protect the people in a small group.
 */
@JsonPropertyOrder({"start", "end", "totalMinutes", "craftMinutes", "executionMinutes", "craftShare",
        "generatedShare", "prescribedShare", "meanStepMinutes", "repetitionShare", "repertoire", "suppressed"})
public record PeriodSummary(
        LocalDate start,
        LocalDate end,
        Long totalMinutes,
        Long craftMinutes,
        Long executionMinutes,
        Double craftShare,
        Double generatedShare,
        Double prescribedShare,
        Double meanStepMinutes,
        Double repetitionShare,
        Double repertoire,
        boolean suppressed) {

    /**
     * Shares are ratios of sums over the whole period, not means of daily shares, so a long day
     * weighs more than a short one, as it should in a share of working time.
     */
    static PeriodSummary of(Period period, PeriodTotals totals) {
        long total = totals.minutes();
        return new PeriodSummary(period.start(), period.end(), total, totals.craftMinutes(),
                total - totals.craftMinutes(), share(totals.craftMinutes(), total),
                share(totals.generatedMinutes(), total), share(totals.prescribedMinutes(), total),
                totals.meanStepMinutes(), totals.repetitionShare(), totals.repertoire(), false);
    }

    static PeriodSummary empty(Period period) {
        return new PeriodSummary(period.start(), period.end(), 0L, 0L, 0L, null, null, null, null, null, null, false);
    }

    static PeriodSummary suppressed(Period period) {
        return new PeriodSummary(period.start(), period.end(), null, null, null, null, null, null, null, null, null,
                true);
    }

    static Double share(long part, long total) {
        return total == 0 ? null : (double) part / total;
    }
}
