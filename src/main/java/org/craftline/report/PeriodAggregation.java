package org.craftline.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.craftline.report.stats.Medians;

/**
 * Adds worker-days up into their periods as they stream from the database: sums of minutes, the
 * distinct workers, and the medians over worker-days of the daily fragmentation measures. Plain
 * Java rather than SQL window functions: a day's period is found by a binary search over the
 * period starts instead of a lookup per row, and the medians sort each period's values once.
 */
final class PeriodAggregation implements Consumer<WorkerDayFigures> {

    private final LocalDate[] starts;
    private final Accumulator[] accumulators;

    PeriodAggregation(List<Period> periods) {
        starts = periods.stream().map(Period::start).toArray(LocalDate[]::new);
        accumulators = new Accumulator[starts.length];
    }

    @Override
    public void accept(WorkerDayFigures day) {
        int found = Arrays.binarySearch(starts, day.workDate());
        // The periods tile the range, so a day belongs to the last period starting on or before it.
        int period = found >= 0 ? found : -found - 2;
        if (period < 0) {
            return;
        }
        if (accumulators[period] == null) {
            accumulators[period] = new Accumulator();
        }
        accumulators[period].add(day);
    }

    /** Every period that has a worker-day, in time order. */
    List<PeriodTotals> totals() {
        List<PeriodTotals> totals = new ArrayList<>();
        for (int i = 0; i < starts.length; i++) {
            if (accumulators[i] != null) {
                totals.add(accumulators[i].totals(starts[i]));
            }
        }
        return totals;
    }

    private static final class Accumulator {
        private long minutes;
        private long craftMinutes;
        private long generatedMinutes;
        private long prescribedMinutes;
        private final Set<Long> workers = new HashSet<>();
        private final Values stepMinutes = new Values();
        private final Values repetition = new Values();
        private final Values repertoire = new Values();

        void add(WorkerDayFigures day) {
            minutes += day.minutes();
            craftMinutes += day.craftMinutes();
            generatedMinutes += day.generatedMinutes();
            prescribedMinutes += day.prescribedMinutes();
            workers.add(day.workerId());
            stepMinutes.add(day.stepMinutes());
            repetition.add(day.repetition());
            repertoire.add(day.repertoire());
        }

        PeriodTotals totals(LocalDate start) {
            return new PeriodTotals(start, minutes, craftMinutes, generatedMinutes, prescribedMinutes, workers.size(),
                    stepMinutes.median(), repetition.median(), repertoire.median());
        }
    }

    /** A growable array of doubles: a period of a large team holds thousands of worker-days. */
    private static final class Values {
        private double[] values = new double[16];
        private int size;

        void add(double value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        double median() {
            return Medians.of(Arrays.copyOf(values, size));
        }
    }
}
