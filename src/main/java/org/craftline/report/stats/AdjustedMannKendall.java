package org.craftline.report.stats;

/**
 * Mann-Kendall with its variance widened for serial correlation: real weeks lean on the weeks
 * before them (a project runs for several), and plain Mann-Kendall, which assumes they do not,
 * then calls a trend in a series that has none far more often than its p-value says.
 *
 * <p>The method, chosen by simulation against plain Mann-Kendall, Hamed-Rao (3 lags) and
 * Yue-Wang (lag 1) for the fewest false alarms on trendless correlated weeks at the power asked
 * of it (bench/results/validity.md; docs/report.md, "How sure is a verdict?"): the AR(1) variance
 * inflation of Lettenmaier (1976), with the lag-1 autocorrelation {@code r1} estimated on the
 * series' residuals ({@link NoiseResiduals}: around its Theil-Sen line, or around the means
 * between clear shifts) and corrected for that estimate's downward bias. Around a fitted line the
 * bias is about {@code -(2 + 5r)/n} (the textbook {@code -(1 + 4r)/n}, behind the often quoted
 * {@code (n r1 + 1)/(n - 4)}, is for a fitted mean only), so {@code r = (n r1 + 2)/(n - 5)},
 * floored at 0 and capped at {@value #MAX_CORRELATION} (with 5 values or fewer, where the
 * correction is undefined, {@code r = max(0, r1)}). The inflation factor is Hamed and Rao's (1998)
 * for autocorrelations {@code r^k}:
 * {@code n/n* = 1 + 2 / (n(n-1)(n-2)) sum_{k=1}^{n-1} (n-k)(n-k-1)(n-k-2) r^k}, never below 1;
 * {@code Var*(S) = Var(S) n/n*}, and Z and p as the plain test computes them from it.
 */
public final class AdjustedMannKendall {

    /** How {@code method} names this in a report. */
    public static final String METHOD = "lettenmaier-ar1-bias-corrected";
    /** The largest lag-1 autocorrelation used: nearer 1 the factor explodes on a short series' noise. */
    static final double MAX_CORRELATION = 0.95;

    /**
     * @param lag1Autocorrelation the corrected lag-1 autocorrelation {@code r} the variance was widened for
     * @param effectivePeriods    {@code n / (n/n*)}: how many independent periods the series is worth
     */
    public record Result(String method, double lag1Autocorrelation, double effectivePeriods, double varS, double z,
                         double pValue) {
    }

    private AdjustedMannKendall() {
    }

    /**
     * @param x        the values in time order; at least 4, as a trend needs
     * @param plain    their plain Mann-Kendall test
     * @param senSlope their Theil-Sen slope per period
     */
    public static Result test(double[] x, MannKendall.Result plain, double senSlope) {
        int n = x.length;
        if (n < 4) {
            throw new IllegalArgumentException("the adjusted test needs at least 4 values, not " + n);
        }
        double[] residuals = NoiseResiduals.of(x, senSlope);
        // Without noise there is no correlation to allow for (and the bias correction would invent one).
        double r = isRounding(residuals, x) ? 0 : correctedLag1(lag1(residuals), n);
        double factor = Math.max(1, inflation(n, r));
        double varS = plain.varS() * factor;
        double z = MannKendall.z(plain.s(), varS);
        return new Result(METHOD, r, n / factor, varS, z, MannKendall.twoSidedP(z));
    }

    /** The lag-1 sample autocorrelation of a series with some spread. */
    static double lag1(double[] x) {
        double mean = Welch.mean(x);
        double products = 0;
        double squares = 0;
        for (int i = 0; i < x.length; i++) {
            squares += (x[i] - mean) * (x[i] - mean);
            if (i + 1 < x.length) {
                products += (x[i] - mean) * (x[i + 1] - mean);
            }
        }
        return products / squares;
    }

    /**
     * Whether the residuals' spread is below 1e-9 of the data's size: rounding (a straight line
     * less its own slope, a flat step less its means), not noise.
     */
    static boolean isRounding(double[] residuals, double[] data) {
        double size = Double.MIN_NORMAL;
        for (double value : data) {
            size = Math.max(size, Math.abs(value));
        }
        double mean = Welch.mean(residuals);
        double squares = 0;
        for (double value : residuals) {
            squares += (value - mean) * (value - mean);
        }
        return Math.sqrt(squares / residuals.length) <= 1e-9 * size;
    }

    static double correctedLag1(double r1, int n) {
        double r = n > 5 ? (n * r1 + 2) / (n - 5) : r1;
        return Math.min(MAX_CORRELATION, Math.max(0, r));
    }

    /** Hamed and Rao's n/n* for the autocorrelations r^k of an AR(1) process. */
    static double inflation(int n, double r) {
        double sum = 0;
        double power = 1;
        for (int k = 1; k < n; k++) {
            power *= r;
            sum += (n - k) * (n - k - 1.0) * (n - k - 2.0) * power;
        }
        return 1 + 2 * sum / (n * (n - 1.0) * (n - 2.0));
    }
}
