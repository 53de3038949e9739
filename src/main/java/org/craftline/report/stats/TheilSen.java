package org.craftline.report.stats;

import java.util.Arrays;

/**
 * The Theil-Sen slope: the median of the slopes between every pair of points, robust to outliers,
 * with the confidence bounds of Gilbert (1987, eq. 16.7) built from the Mann-Kendall variance.
 * Time is the index of each value: 0, 1, ..., n - 1.
 */
public final class TheilSen {

    /** z for a two-sided 95% interval. */
    private static final double Z_975 = 1.96;

    /** The slope per step of time, the intercept at index 0, and the 95% bounds of the slope. */
    public record Result(double slope, double intercept, double slopeLow, double slopeHigh) {
    }

    private TheilSen() {
    }

    /**
     * @param x    the values in time order; at least two
     * @param varS the Mann-Kendall variance of S for the same values, which sets the bounds' width
     */
    public static Result estimate(double[] x, double varS) {
        int n = x.length;
        if (n < 2) {
            throw new IllegalArgumentException("Theil-Sen needs at least 2 values, not " + n);
        }
        double[] slopes = new double[n * (n - 1) / 2];
        int k = 0;
        for (int i = 0; i < n - 1; i++) {
            for (int j = i + 1; j < n; j++) {
                slopes[k++] = (x[j] - x[i]) / (j - i);
            }
        }
        Arrays.sort(slopes);
        double slope = Medians.ofSorted(slopes);
        double medianTime = (n - 1) / 2.0;
        double intercept = Medians.of(x) - slope * medianTime;

        int pairs = slopes.length;
        double c = Z_975 * Math.sqrt(varS);
        int lower = clamp((int) Math.round((pairs - c) / 2), pairs);
        int upper = clamp((int) Math.round((pairs + c) / 2) + 1, pairs);
        return new Result(slope, intercept, slopes[lower - 1], slopes[upper - 1]);
    }

    /** A 1-based rank kept inside 1..pairs: short series give bounds wider than the data can show. */
    private static int clamp(int rank, int pairs) {
        return Math.max(1, Math.min(pairs, rank));
    }
}
