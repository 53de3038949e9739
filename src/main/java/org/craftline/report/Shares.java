package org.craftline.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Holds what the statistics run on: the craft shares of a series' periods that have one (not empty,
 * not suppressed), in time order, each with the index of the period it came from.
 */
record Shares(double[] values, int[] periodIndex) {

    static Shares of(List<PeriodSummary> series) {
        List<Integer> indexes = new ArrayList<>();
        for (int i = 0; i < series.size(); i++) {
            if (series.get(i).craftShare() != null) {
                indexes.add(i);
            }
        }
        double[] values = new double[indexes.size()];
        int[] periods = new int[indexes.size()];
        for (int k = 0; k < indexes.size(); k++) {
            periods[k] = indexes.get(k);
            values[k] = series.get(periods[k]).craftShare();
        }
        return new Shares(values, periods);
    }

    int size() {
        return values.length;
    }

    /** The mean of the values from position {@code from} (inclusive) to {@code to} (exclusive). */
    double mean(int from, int to) {
        double sum = 0;
        for (int k = from; k < to; k++) {
            sum += values[k];
        }
        return sum / (to - from);
    }
}
