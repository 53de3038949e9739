package org.craftline.report;

import java.time.LocalDate;

/**
 * One period's figures, added up by {@link PeriodAggregation} from the worker-day rollups: sums of
 * minutes, the number of distinct workers behind them, and the medians over worker-days of the
 * daily fragmentation measures.
 */
public record PeriodTotals(
        LocalDate periodStart,
        long minutes,
        long craftMinutes,
        long generatedMinutes,
        long prescribedMinutes,
        int workers,
        Double meanStepMinutes,
        Double repetitionShare,
        Double repertoire) {
}
