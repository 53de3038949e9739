package org.craftline.report.stats;

import java.util.List;

/**
 * Where a share series shifted: PELT for a change in mean on the series divided by a robust
 * estimate of its noise, with the penalty 2 ln n and segments of at least 4 periods, so that one
 * odd week is not a shift.
 */
public final class ShiftDetector {

    public static final int MIN_SEGMENT = 4;
    /** Scales a median absolute deviation to a standard deviation under normal noise. */
    private static final double MAD_TO_SD = 1.4826;
    /**
     * A spread below this fraction of the data's own size is rounding, not noise: exact shares
     * that fall by the same step each period differ by about 1e-17, and dividing by that would
     * make every period a shift.
     */
    static final double RELATIVE_TOLERANCE = 1e-9;

    private ShiftDetector() {
    }

    /** @return change points as counts: {@code k} means the shift comes after the k-th value */
    public static List<Integer> changePoints(double[] shares) {
        int n = shares.length;
        if (n < 2 * MIN_SEGMENT) {
            return List.of();
        }
        double sigma = noise(shares);
        if (sigma == 0) {
            return List.of();   // a series without noise (constant, or moving in equal steps) has no shift
        }
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = shares[i] / sigma;
        }
        return Pelt.changePoints(z, 2 * Math.log(n), MIN_SEGMENT);
    }

    /**
     * {@code 1.4826 MAD(diff(x)) / sqrt(2)}: differences cancel the level, so shifts barely move it,
     * and the median ignores outliers. Where more than half the differences are equal (MAD = 0),
     * falls back to their standard deviation; 0 when that is 0 too. "Is 0" means below
     * {@link #RELATIVE_TOLERANCE} of the largest absolute value in the series.
     */
    static double noise(double[] x) {
        double scale = 0;
        for (double value : x) {
            scale = Math.max(scale, Math.abs(value));
        }
        double negligible = RELATIVE_TOLERANCE * scale;
        double[] diffs = new double[x.length - 1];
        for (int i = 1; i < x.length; i++) {
            diffs[i - 1] = x[i] - x[i - 1];
        }
        double center = Medians.of(diffs);
        double[] deviations = new double[diffs.length];
        for (int i = 0; i < diffs.length; i++) {
            deviations[i] = Math.abs(diffs[i] - center);
        }
        double mad = Medians.of(deviations);
        if (mad > negligible) {
            return MAD_TO_SD * mad / Math.sqrt(2);
        }
        double mean = Welch.mean(diffs);
        double squares = 0;
        for (double d : diffs) {
            squares += (d - mean) * (d - mean);
        }
        double sd = diffs.length < 2 ? 0 : Math.sqrt(squares / (diffs.length - 1));
        return sd > negligible ? sd / Math.sqrt(2) : 0;
    }
}
