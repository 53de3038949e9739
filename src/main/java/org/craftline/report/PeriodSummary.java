package org.craftline.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.LocalDate;

/**
 * One entry of a report's series. Shares are null when nothing was logged in the period; every
 * figure is null when the period is {@code suppressed}: to protect the people in a small group, or,
 * in a team report, because it is {@code pending}, not yet published (it will be on
 * {@code publishesOn}). A team period's {@code published} is the day its figures were fixed. The
 * last three are a team report's only: a worker's own report is always live, and leaves them out.
 */
@JsonPropertyOrder({"start", "end", "totalMinutes", "craftMinutes", "executionMinutes", "craftShare",
        "generatedShare", "prescribedShare", "meanStepMinutes", "repetitionShare", "repertoire", "suppressed",
        "pending", "published", "publishesOn"})
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
        boolean suppressed,
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean pending,
        @JsonInclude(JsonInclude.Include.NON_NULL) LocalDate published,
        @JsonInclude(JsonInclude.Include.NON_NULL) LocalDate publishesOn) {

    /**
     * Shares are ratios of sums over the whole period, not means of daily shares, so a long day
     * weighs more than a short one, as it should in a share of working time.
     */
    static PeriodSummary of(Period period, PeriodTotals totals) {
        long total = totals.minutes();
        return new PeriodSummary(period.start(), period.end(), total, totals.craftMinutes(),
                total - totals.craftMinutes(), share(totals.craftMinutes(), total),
                share(totals.generatedMinutes(), total), share(totals.prescribedMinutes(), total),
                totals.meanStepMinutes(), totals.repetitionShare(), totals.repertoire(), false, null, null, null);
    }

    static PeriodSummary empty(Period period) {
        return new PeriodSummary(period.start(), period.end(), 0L, 0L, 0L, null, null, null, null, null, null, false,
                null, null, null);
    }

    static PeriodSummary suppressed(Period period) {
        return new PeriodSummary(period.start(), period.end(), null, null, null, null, null, null, null, null, null,
                true, null, null, null);
    }

    /** A team period whose figures are not published yet: nothing is shown before {@code publishesOn}. */
    static PeriodSummary pending(Period period, LocalDate publishesOn) {
        return new PeriodSummary(period.start(), period.end(), null, null, null, null, null, null, null, null, null,
                true, true, null, publishesOn);
    }

    /** This team period as published on {@code day}. */
    PeriodSummary published(LocalDate day) {
        return new PeriodSummary(start, end, totalMinutes, craftMinutes, executionMinutes, craftShare, generatedShare,
                prescribedShare, meanStepMinutes, repetitionShare, repertoire, suppressed, false, day, null);
    }

    static Double share(long part, long total) {
        return total == 0 ? null : (double) part / total;
    }
}
