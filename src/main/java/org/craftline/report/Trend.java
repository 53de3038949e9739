package org.craftline.report;

import org.craftline.report.stats.AdjustedMannKendall;
import org.craftline.report.stats.DetectableTrend;
import org.craftline.report.stats.MannKendall;
import org.craftline.report.stats.TheilSen;

/**
 * Is the craft share really falling? Mann-Kendall for whether there is a monotonic trend at all,
 * Theil-Sen for how steep it is, over the periods that have a share, in time order. With fewer than
 * 4 such periods there is too little to say, and all are null.
 *
 * <p>The verdict rests on {@code adjusted}, the same test with its variance widened for weeks that
 * lean on the weeks before them: plain Mann-Kendall, which assumes they do not, called a trend in
 * a quarter of trendless correlated series. {@code detectable} says how large a steady change the
 * adjusted test would catch in this series, so that "no clear trend" is not read as "no change";
 * {@code sentence} says all that in plain words ({@link VerdictWords}).
 */
public record Trend(int periods, Verdict verdict, MannKendall.Result mannKendall,
                    AdjustedMannKendall.Result adjusted, DetectableTrend.Result detectable,
                    TheilSen.Result theilSen, String sentence) {

    static final int MIN_PERIODS = 4;
    static final double SIGNIFICANCE = 0.05;

    public enum Verdict {
        DESKILLING,
        RESKILLING,
        NO_CLEAR_TREND,
        TOO_FEW_PERIODS
    }

    static Trend of(double[] shares, Bucket bucket) {
        Trend trend = test(shares);
        return new Trend(trend.periods, trend.verdict, trend.mannKendall, trend.adjusted, trend.detectable,
                trend.theilSen, VerdictWords.of(trend, bucket));
    }

    private static Trend test(double[] shares) {
        if (shares.length < MIN_PERIODS) {
            return new Trend(shares.length, Verdict.TOO_FEW_PERIODS, null, null, null, null, null);
        }
        MannKendall.Result mannKendall = MannKendall.test(shares);
        TheilSen.Result theilSen = TheilSen.estimate(shares, mannKendall.varS());
        AdjustedMannKendall.Result adjusted = AdjustedMannKendall.test(shares, mannKendall, theilSen.slope());
        DetectableTrend.Result detectable = DetectableTrend.of(shares.length, noiseAroundLine(shares, theilSen),
                adjusted.lag1Autocorrelation());
        Verdict verdict = Verdict.NO_CLEAR_TREND;
        if (adjusted.pValue() < SIGNIFICANCE && theilSen.slope() < 0) {
            verdict = Verdict.DESKILLING;
        } else if (adjusted.pValue() < SIGNIFICANCE && theilSen.slope() > 0) {
            verdict = Verdict.RESKILLING;
        }
        return new Trend(shares.length, verdict, mannKendall, adjusted, detectable, theilSen, null);
    }

    /** The lag-1 autocorrelation the verdict allowed for; 0 where there was no test. */
    double lag1Autocorrelation() {
        return adjusted == null ? 0 : adjusted.lag1Autocorrelation();
    }

    /** The SD of the shares around the Theil-Sen line, with the line's 2 parameters taken off. */
    private static double noiseAroundLine(double[] shares, TheilSen.Result line) {
        double squares = 0;
        for (int i = 0; i < shares.length; i++) {
            double residual = shares[i] - (line.intercept() + line.slope() * i);
            squares += residual * residual;
        }
        return Math.sqrt(squares / (shares.length - 2));
    }
}
