package org.craftline.report.stats;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * The difference of two means with Welch's 95% interval, which does not assume the two groups
 * share a variance; the degrees of freedom are Welch-Satterthwaite's.
 */
public final class Welch {

    /** {@code difference = mean(after) - mean(before)}; the bounds are null with fewer than 2 values on a side. */
    public record Result(double meanBefore, double meanAfter, double difference, Double ciLow, Double ciHigh) {
    }

    private Welch() {
    }

    /** @param before and {@code after} at least one value each */
    public static Result compare(double[] before, double[] after) {
        if (before.length == 0 || after.length == 0) {
            throw new IllegalArgumentException("Welch needs values on both sides");
        }
        double meanBefore = mean(before);
        double meanAfter = mean(after);
        double difference = meanAfter - meanBefore;
        if (before.length < 2 || after.length < 2) {
            return new Result(meanBefore, meanAfter, difference, null, null);
        }
        double v1 = variance(before, meanBefore) / before.length;
        double v2 = variance(after, meanAfter) / after.length;
        double se = Math.sqrt(v1 + v2);
        if (se == 0) {
            // Both sides constant: the difference is exact.
            return new Result(meanBefore, meanAfter, difference, difference, difference);
        }
        double nu = (v1 + v2) * (v1 + v2) / (v1 * v1 / (before.length - 1) + v2 * v2 / (after.length - 1));
        double t = new TDistribution(nu).inverseCumulativeProbability(0.975);
        return new Result(meanBefore, meanAfter, difference, difference - t * se, difference + t * se);
    }

    public static double mean(double[] x) {
        double sum = 0;
        for (double v : x) {
            sum += v;
        }
        return sum / x.length;
    }

    /** The sample variance, with n - 1 in the denominator. */
    private static double variance(double[] x, double mean) {
        double sum = 0;
        for (double v : x) {
            sum += (v - mean) * (v - mean);
        }
        return sum / (x.length - 1);
    }
}
