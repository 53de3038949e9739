package org.craftline.report;

import org.craftline.report.stats.MannKendall;
import org.craftline.report.stats.TheilSen;

/**
 * Is the craft share really falling? Mann-Kendall for whether there is a monotonic trend at all,
 * Theil-Sen for how steep it is, over the periods that have a share, in time order.
 * With fewer than 4 such periods there is too little to say, and both are null.
 */
public record Trend(int periods, Verdict verdict, MannKendall.Result mannKendall, TheilSen.Result theilSen) {

    static final int MIN_PERIODS = 4;
    static final double SIGNIFICANCE = 0.05;

    public enum Verdict {
        DESKILLING,
        RESKILLING,
        NO_CLEAR_TREND,
        TOO_FEW_PERIODS
    }

    static Trend of(double[] shares) {
        if (shares.length < MIN_PERIODS) {
            return new Trend(shares.length, Verdict.TOO_FEW_PERIODS, null, null);
        }
        MannKendall.Result mannKendall = MannKendall.test(shares);
        TheilSen.Result theilSen = TheilSen.estimate(shares, mannKendall.varS());
        Verdict verdict = Verdict.NO_CLEAR_TREND;
        if (mannKendall.pValue() < SIGNIFICANCE && theilSen.slope() < 0) {
            verdict = Verdict.DESKILLING;
        } else if (mannKendall.pValue() < SIGNIFICANCE && theilSen.slope() > 0) {
            verdict = Verdict.RESKILLING;
        }
        return new Trend(shares.length, verdict, mannKendall, theilSen);
    }
}
