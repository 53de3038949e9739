package org.craftline.report;

import org.craftline.report.stats.AdjustedMannKendall;
import org.craftline.report.stats.MannKendall;
import org.craftline.report.stats.TheilSen;

/**
 * Is the craft share really falling? Mann-Kendall for whether there is a monotonic trend at all,
 * Theil-Sen for how steep it is, over the periods that have a share, in time order. With fewer than
 * 4 such periods there is too little to say, and all are null.
 *
 * <p>{@code adjusted} is the same test with its variance widened for weeks that lean on the weeks
 * before them. The verdict does not use it yet: the AR(1) estimate it rests on reads a sudden
 * shift (the demo's Midjourney month, most real adoptions) as strong serial correlation, and then
 * calls the clearest deskilling in the data no trend at all (issue 21 is open on this).
 */
public record Trend(int periods, Verdict verdict, MannKendall.Result mannKendall,
                    AdjustedMannKendall.Result adjusted, TheilSen.Result theilSen) {

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
            return new Trend(shares.length, Verdict.TOO_FEW_PERIODS, null, null, null);
        }
        MannKendall.Result mannKendall = MannKendall.test(shares);
        TheilSen.Result theilSen = TheilSen.estimate(shares, mannKendall.varS());
        AdjustedMannKendall.Result adjusted = AdjustedMannKendall.test(shares, mannKendall, theilSen.slope());
        Verdict verdict = Verdict.NO_CLEAR_TREND;
        if (mannKendall.pValue() < SIGNIFICANCE && theilSen.slope() < 0) {
            verdict = Verdict.DESKILLING;
        } else if (mannKendall.pValue() < SIGNIFICANCE && theilSen.slope() > 0) {
            verdict = Verdict.RESKILLING;
        }
        return new Trend(shares.length, verdict, mannKendall, adjusted, theilSen);
    }
}
