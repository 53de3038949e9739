package org.craftline.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a report's series: one {@link PeriodSummary} for every period of the range, from the
 * database's per-period totals, with empty periods included. One worker's own report only: a team's
 * series is made of published cells ({@link TeamSeries}). Holds no state.
 */
final class Series {

    private Series() {
    }

    static List<PeriodSummary> of(List<Period> periods, List<PeriodTotals> totals) {
        Map<LocalDate, PeriodTotals> byStart = new HashMap<>();
        totals.forEach(t -> byStart.put(t.periodStart(), t));
        List<PeriodSummary> series = new ArrayList<>(periods.size());
        for (Period period : periods) {
            PeriodTotals total = byStart.get(period.start());
            if (total == null) {
                series.add(PeriodSummary.empty(period));
            } else {
                series.add(PeriodSummary.of(period, total));
            }
        }
        return series;
    }

    static LocalDate firstDay(List<Period> periods) {
        return periods.get(0).start();
    }

    static LocalDate lastDay(List<Period> periods) {
        return periods.get(periods.size() - 1).end();
    }
}
