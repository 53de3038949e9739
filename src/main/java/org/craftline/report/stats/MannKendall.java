package org.craftline.report.stats;

import java.util.Arrays;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The Mann-Kendall test for a monotonic trend: does the series tend to rise or fall, whatever the
 * shape, without assuming normal errors? Uses the variance corrected for ties and the continuity
 * correction of Z (Gilbert 1987, ch. 16).
 */
public final class MannKendall {

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(0, 1);

    /** S, its variance, the standard normal Z, the two-sided p-value and Kendall's tau. */
    public record Result(long s, double varS, double z, double pValue, double tau) {
    }

    private MannKendall() {
    }

    /** @param x the values in time order; at least two */
    public static Result test(double[] x) {
        int n = x.length;
        if (n < 2) {
            throw new IllegalArgumentException("Mann-Kendall needs at least 2 values, not " + n);
        }
        long s = 0;
        for (int i = 0; i < n - 1; i++) {
            for (int j = i + 1; j < n; j++) {
                s += Long.signum(Double.compare(x[j], x[i]));
            }
        }
        double varS = (n * (n - 1.0) * (2.0 * n + 5) - tieCorrection(x)) / 18.0;
        double z = z(s, varS);
        double tau = s / (n * (n - 1) / 2.0);
        return new Result(s, varS, z, twoSidedP(z), tau);
    }

    /** Z with the continuity correction: (S - 1) / sd for S > 0, (S + 1) / sd for S < 0, 0 for S = 0. */
    static double z(long s, double varS) {
        return s == 0 || varS == 0 ? 0 : (s > 0 ? s - 1 : s + 1) / Math.sqrt(varS);
    }

    /** The two-sided p-value of a standard normal Z. */
    static double twoSidedP(double z) {
        return 2 * (1 - STANDARD_NORMAL.cumulativeProbability(Math.abs(z)));
    }

    /** The sum over groups of equal values of t(t-1)(2t+5), t the size of the group. */
    private static double tieCorrection(double[] x) {
        double[] sorted = x.clone();
        Arrays.sort(sorted);
        double correction = 0;
        int start = 0;
        for (int i = 1; i <= sorted.length; i++) {
            if (i == sorted.length || sorted[i] != sorted[start]) {
                long t = (long) i - start;
                correction += t * (t - 1) * (2 * t + 5);
                start = i;
            }
        }
        return correction;
    }
}
