package org.craftline.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.craftline.report.stats.Holm;
import org.craftline.report.stats.Welch;

/**
 * The craft share before and after a dated event: the shares of up to {@code window} periods before
 * the period containing the event against up to {@code window} periods after it (the event's own
 * period belongs to neither). Each window stops at the neighbouring event, so that an event is
 * never credited with the next one's change (events in the same period share its windows, as the
 * data cannot tell them apart). Welch's interval needs 2 periods on each side; with
 * fewer the bounds are null, and with none on a side so are the means and the difference.
 *
 * <p>A report compares several events at once, and one of m such intervals misses by chance far
 * more often than one alone: the intervals are Bonferroni's (level {@code 1 - 0.05/m}) and the
 * p-values are adjusted by Holm's method; {@code adjustment} names both. Periods lean on each
 * other, so the interval also allows for the series' lag-1 autocorrelation ({@link Welch}).
 *
 * @param confidenceLevel      the level of {@code ciLow}..{@code ciHigh}: 0.95 for one comparison
 * @param detectableDifference the smallest difference this comparison would find, with power 0.8
 *                             at the same level as the interval
 */
public record EventEffect(LocalDate date, String label, String tool, Kind kind, Double shareBefore,
                          Double shareAfter, Double difference, Double ciLow, Double ciHigh, int periodsBefore,
                          int periodsAfter, Double pValue, Double adjustedPValue, String adjustment,
                          Double confidenceLevel, Double detectableDifference) {

    /** How {@code adjustment} names the correction for comparing several events. */
    static final String ADJUSTMENT = "holm/bonferroni";
    static final double FAMILY_ALPHA = 0.05;

    /** RECORDED: an event a worker entered. FIRST_USE: the first day a tool appears in the steps. */
    public enum Kind {
        RECORDED,
        FIRST_USE
    }

    /** A dated marker to measure. */
    record Marker(LocalDate date, String label, String tool, Kind kind) {
    }

    /** The windows of one marker: the non-null shares on either side. */
    private record Windows(Marker marker, double[] before, double[] after) {

        boolean compared() {
            return before.length >= 2 && after.length >= 2;
        }
    }

    /**
     * @param markers in date order
     * @param r       the lag-1 autocorrelation the trend allowed for
     */
    static List<EventEffect> measure(List<Marker> markers, List<PeriodSummary> series, int window, double r) {
        int[] periods = markers.stream().mapToInt(marker -> periodOf(marker, series)).toArray();
        List<Windows> windows = new ArrayList<>();
        for (int i = 0; i < markers.size(); i++) {
            // Events in one period cannot be told apart: they share its windows.
            int previous = -1;
            int next = series.size();
            for (int period : periods) {
                if (period < periods[i]) {
                    previous = Math.max(previous, period);
                } else if (period > periods[i]) {
                    next = Math.min(next, period);
                }
            }
            windows.add(new Windows(markers.get(i),
                    shares(series, Math.max(periods[i] - window, previous + 1), periods[i]),
                    shares(series, periods[i] + 1, Math.min(periods[i] + 1 + window, next))));
        }
        int m = (int) windows.stream().filter(Windows::compared).count();
        double alpha = FAMILY_ALPHA / Math.max(1, m);
        List<Welch.Result> results = windows.stream()
                .map(w -> w.before.length == 0 || w.after.length == 0 ? null : Welch.compare(w.before, w.after, r, alpha))
                .toList();
        double[] adjusted = Holm.adjust(results.stream()
                .filter(result -> result != null && result.pValue() != null)
                .mapToDouble(Welch.Result::pValue).toArray());
        List<EventEffect> effects = new ArrayList<>();
        int compared = 0;
        for (int i = 0; i < windows.size(); i++) {
            Windows w = windows.get(i);
            Welch.Result result = results.get(i);
            boolean tested = result != null && result.pValue() != null;
            Double adjustedPValue = tested ? adjusted[compared++] : null;
            effects.add(new EventEffect(w.marker.date(), w.marker.label(), w.marker.tool(), w.marker.kind(),
                    meanOrNull(w.before), meanOrNull(w.after), of(result, Welch.Result::difference),
                    of(result, Welch.Result::ciLow), of(result, Welch.Result::ciHigh), w.before.length, w.after.length,
                    of(result, Welch.Result::pValue), adjustedPValue, tested ? ADJUSTMENT : null,
                    tested ? 1 - alpha : null, of(result, Welch.Result::detectableDifference)));
        }
        return effects;
    }

    /** A figure of the comparison; null where there was none (a side without periods). */
    private static Double of(Welch.Result result, Function<Welch.Result, Double> figure) {
        return result == null ? null : figure.apply(result);
    }

    private static Double meanOrNull(double[] shares) {
        return shares.length == 0 ? null : Welch.mean(shares);
    }

    /** Whether any period before the marker's own has a share: a tool first used then shows a change. */
    static boolean hasSharesBefore(Marker marker, List<PeriodSummary> series) {
        int period = periodOf(marker, series);
        return shares(series, 0, period).length > 0;
    }

    /** The index of the period containing the marker's date (the last one for a date past the series). */
    private static int periodOf(Marker marker, List<PeriodSummary> series) {
        int period = 0;
        while (period < series.size() - 1 && series.get(period).end().isBefore(marker.date())) {
            period++;
        }
        return period;
    }

    /** The non-null shares of the periods from {@code from} (inclusive) to {@code to} (exclusive), clipped to the series. */
    private static double[] shares(List<PeriodSummary> series, int from, int to) {
        List<Double> values = new ArrayList<>();
        for (int i = Math.max(0, from); i < Math.min(series.size(), to); i++) {
            if (series.get(i).craftShare() != null) {
                values.add(series.get(i).craftShare());
            }
        }
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
