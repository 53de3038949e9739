package org.craftline.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.Iterator;
import java.util.List;

/**
 * Folds daily totals, already summed by the database, into report periods. At most one row per
 * day of the range reaches this code, whatever the number of tasks and steps.
 */
final class Series {

    private Series() {
    }

    /** @param days daily totals in ascending date order, all inside the periods */
    static List<PeriodSummary> of(List<Period> periods, List<DailyTotals> days) {
        List<PeriodSummary> series = new ArrayList<>(periods.size());
        Iterator<DailyTotals> remaining = days.iterator();
        DailyTotals day = remaining.hasNext() ? remaining.next() : null;
        for (Period period : periods) {
            long total = 0;
            long craft = 0;
            while (day != null && period.contains(day.workDate())) {
                total += day.minutes();
                craft += day.craftMinutes();
                day = remaining.hasNext() ? remaining.next() : null;
            }
            series.add(PeriodSummary.of(period, total, craft));
        }
        if (day != null) {
            throw new IllegalArgumentException("day " + day.workDate() + " lies outside the periods or out of order");
        }
        return series;
    }

    /**
     * A team's series: a period is shown only when at least {@code minGroupSize} distinct workers
     * logged in it, so no figure describes a group small enough to single a person out.
     */
    static List<PeriodSummary> ofTeam(List<Period> periods, List<PeriodTotals> totals, int minGroupSize) {
        Map<LocalDate, PeriodTotals> byStart = new HashMap<>();
        totals.forEach(t -> byStart.put(t.periodStart(), t));
        List<PeriodSummary> series = new ArrayList<>(periods.size());
        for (Period period : periods) {
            PeriodTotals total = byStart.get(period.start());
            series.add(total == null || total.workers() < minGroupSize
                    ? PeriodSummary.suppressed(period)
                    : PeriodSummary.of(period, total.minutes(), total.craftMinutes()));
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
