package org.craftline.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.craftline.report.stats.Welch;

/**
 * The craft share before and after a dated event: the shares of up to {@code window} periods before
 * the period containing the event against up to {@code window} periods after it (the event's own
 * period belongs to neither). Welch's interval needs 2 periods on each side; with fewer the bounds
 * are null, and with none on a side so are the means and the difference.
 */
public record EventEffect(LocalDate date, String label, String tool, Kind kind, Double shareBefore,
                          Double shareAfter, Double difference, Double ciLow, Double ciHigh, int periodsBefore,
                          int periodsAfter) {

    /** RECORDED: an event a worker entered. FIRST_USE: the first day a tool appears in the steps. */
    public enum Kind {
        RECORDED,
        FIRST_USE
    }

    /** A dated marker to measure. */
    record Marker(LocalDate date, String label, String tool, Kind kind) {
    }

    static EventEffect measure(Marker marker, List<PeriodSummary> series, int window) {
        int eventPeriod = 0;
        while (eventPeriod < series.size() - 1 && series.get(eventPeriod).end().isBefore(marker.date())) {
            eventPeriod++;
        }
        double[] before = shares(series, eventPeriod - window, eventPeriod);
        double[] after = shares(series, eventPeriod + 1, eventPeriod + 1 + window);
        if (before.length == 0 || after.length == 0) {
            return new EventEffect(marker.date(), marker.label(), marker.tool(), marker.kind(),
                    before.length == 0 ? null : Welch.mean(before),
                    after.length == 0 ? null : Welch.mean(after),
                    null, null, null, before.length, after.length);
        }
        Welch.Result welch = Welch.compare(before, after);
        return new EventEffect(marker.date(), marker.label(), marker.tool(), marker.kind(), welch.meanBefore(),
                welch.meanAfter(), welch.difference(), welch.ciLow(), welch.ciHigh(), before.length, after.length);
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
