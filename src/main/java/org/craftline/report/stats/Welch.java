package org.craftline.report.stats;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * The difference of two means with Welch's interval, which does not assume the two groups share a
 * variance; the degrees of freedom are Welch-Satterthwaite's.
 *
 * <p>Weeks in a window lean on each other, so with a lag-1 autocorrelation {@code r} each side's
 * variance is corrected twice for AR(1) noise: the sample variance understates the noise's
 * ({@code E[s^2] = sigma^2 (n - f)/(n - 1)}) and the mean varies more than {@code sigma^2/n}
 * ({@code Var(mean) = sigma^2 f/n}), with {@code f = 1 + 2 sum_{k<n} (1 - k/n) r^k}. Each side then
 * counts as {@code n/f} values for the degrees of freedom. With {@code r = 0} this is the plain test.
 */
public final class Welch {

    /** The power {@code detectableDifference} is computed for. */
    public static final double POWER = 0.8;

    /**
     * {@code difference = mean(after) - mean(before)}; the bounds, p-value and detectable difference
     * are null with fewer than 2 values on a side.
     *
     * @param detectableDifference the smallest difference this comparison would find significant
     *                             with power {@value #POWER}: {@code (t_{1-alpha/2} + t_{power}) SE}
     */
    public record Result(double meanBefore, double meanAfter, double difference, Double ciLow, Double ciHigh,
                         Double pValue, Double detectableDifference) {
    }

    private Welch() {
    }

    /** The plain 95% comparison of independent values. */
    public static Result compare(double[] before, double[] after) {
        return compare(before, after, 0, 0.05);
    }

    /**
     * @param before and {@code after} at least one value each
     * @param r      the lag-1 autocorrelation of the periods, at least 0 and below 1
     * @param alpha  the interval's level is {@code 1 - alpha}
     */
    public static Result compare(double[] before, double[] after, double r, double alpha) {
        if (before.length == 0 || after.length == 0) {
            throw new IllegalArgumentException("Welch needs values on both sides");
        }
        double meanBefore = mean(before);
        double meanAfter = mean(after);
        double difference = meanAfter - meanBefore;
        if (before.length < 2 || after.length < 2) {
            return new Result(meanBefore, meanAfter, difference, null, null, null, null);
        }
        double f1 = meanInflation(before.length, r);
        double f2 = meanInflation(after.length, r);
        double v1 = varianceOfMean(before, meanBefore, f1);
        double v2 = varianceOfMean(after, meanAfter, f2);
        double se = Math.sqrt(v1 + v2);
        if (se == 0) {
            // Both sides constant: the difference is exact.
            return new Result(meanBefore, meanAfter, difference, difference, difference, difference == 0 ? 1.0 : 0.0,
                    0.0);
        }
        double nu = (v1 + v2) * (v1 + v2) / (v1 * v1 / freedom(before.length, f1) + v2 * v2 / freedom(after.length, f2));
        TDistribution t = new TDistribution(nu);
        double critical = t.inverseCumulativeProbability(1 - alpha / 2);
        double p = 2 * t.cumulativeProbability(-Math.abs(difference) / se);
        double detectable = (critical + t.inverseCumulativeProbability(POWER)) * se;
        return new Result(meanBefore, meanAfter, difference, difference - critical * se, difference + critical * se,
                p, detectable);
    }

    public static double mean(double[] x) {
        double sum = 0;
        for (double v : x) {
            sum += v;
        }
        return sum / x.length;
    }

    /** {@code s^2 (n - 1) f / ((n - f) n)}: the sample variance of the mean, both corrections applied. */
    private static double varianceOfMean(double[] x, double mean, double f) {
        double squares = 0;
        for (double v : x) {
            squares += (v - mean) * (v - mean);
        }
        int n = x.length;
        return squares / (n - f) * f / n;
    }

    /** A side's degrees of freedom: its effective count less one, never below 1. */
    private static double freedom(int n, double f) {
        return Math.max(1, n / f - 1);
    }

    /** {@code f = 1 + 2 sum_{k=1}^{n-1} (1 - k/n) r^k}: how much more a mean of n AR(1) values varies. */
    static double meanInflation(int n, double r) {
        double sum = 0;
        double power = 1;
        for (int k = 1; k < n; k++) {
            power *= r;
            sum += (1 - (double) k / n) * power;
        }
        return 1 + 2 * sum;
    }
}
