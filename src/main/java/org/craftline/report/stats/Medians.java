package org.craftline.report.stats;

import java.util.Arrays;

/** Medians, the middle value or the mean of the two middle values. */
public final class Medians {

    private Medians() {
    }

    public static double of(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return ofSorted(sorted);
    }

    static double ofSorted(double[] sorted) {
        if (sorted.length == 0) {
            throw new IllegalArgumentException("the median of nothing is undefined");
        }
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
