package org.craftline.report;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps the periods a report has added up, and reuses one while nothing it covers has changed: a
 * team's yearly report otherwise reads a row per worker-day (365,000 for 1,000 workers) every
 * time, when a dozen rows per worker say whether anything changed. Team reports only: one worker's
 * year is 365 rows, no more than its month versions.
 *
 * <p>Every task write raises a version per worker and month it touches, in its own transaction
 * ({@code worker_months}). A period's fingerprint combines the versions of the months it overlaps,
 * for the workers in scope, so it also changes when a worker joins or leaves a team. A report reads
 * the fingerprints first and the stale periods' figures after, so a write committed in between can
 * only make a cached period newer than its fingerprint, which the next report then recomputes:
 * the cache never answers with figures older than the versions it read. Entries live in memory, per
 * instance; instances sharing one database each check the same versions.
 */
final class PeriodCache {

    private record Key(Scope scope, Period period) {
    }

    /** {@code totals} is null for a period without work. */
    private record Entry(long fingerprint, PeriodTotals totals) {
    }

    private final Cache<Key, Entry> cache;

    /** @param maximumPeriods periods kept, over all scopes; 0 keeps none */
    PeriodCache(long maximumPeriods) {
        cache = Caffeine.newBuilder().maximumSize(maximumPeriods).build();
    }

    /** The same as {@link ReportDao#periodTotals}, reading only the periods whose months changed. */
    List<PeriodTotals> totals(ReportDao reports, Scope scope, List<Period> periods) {
        MonthVersions months = reports.monthVersions(scope, Series.firstDay(periods).withDayOfMonth(1),
                Series.lastDay(periods));
        List<PeriodTotals> totals = new ArrayList<>();
        Map<Period, Long> stale = new HashMap<>();
        List<Period> run = new ArrayList<>();
        for (Period period : periods) {
            long fingerprint = months.fingerprint(period.start(), period.end());
            Entry entry = cache.getIfPresent(new Key(scope, period));
            if (entry != null && entry.fingerprint() == fingerprint) {
                addUp(reports, scope, run, stale, totals);
                if (entry.totals() != null) {
                    totals.add(entry.totals());
                }
            } else {
                run.add(period);
                stale.put(period, fingerprint);
            }
        }
        addUp(reports, scope, run, stale, totals);
        return totals;
    }

    /** Adds up a run of consecutive stale periods with one range scan, and keeps them. */
    private void addUp(ReportDao reports, Scope scope, List<Period> run, Map<Period, Long> fingerprints,
                       List<PeriodTotals> totals) {
        if (run.isEmpty()) {
            return;
        }
        Map<LocalDate, PeriodTotals> byStart = new HashMap<>();
        reports.periodTotals(scope, List.copyOf(run)).forEach(t -> byStart.put(t.periodStart(), t));
        for (Period period : run) {
            PeriodTotals found = byStart.get(period.start());
            cache.put(new Key(scope, period), new Entry(fingerprints.get(period), found));
            if (found != null) {
                totals.add(found);
            }
        }
        run.clear();
    }
}
