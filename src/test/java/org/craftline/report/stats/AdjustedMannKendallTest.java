package org.craftline.report.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.craftline.NoDatabase;
import org.junit.jupiter.api.Test;

/**
 * The serially adjusted Mann-Kendall test: known answers worked out independently (a few lines of
 * Python from the formulas in the class's documentation), and its error rates on simulated weeks.
 */
@NoDatabase
class AdjustedMannKendallTest {

    private static AdjustedMannKendall.Result adjusted(double[] x) {
        MannKendall.Result plain = MannKendall.test(x);
        return AdjustedMannKendall.test(x, plain, TheilSen.estimate(x, plain.varS()).slope());
    }

    @Test
    void positivelyCorrelatedSeries_widensTheVariance() {
        // DESIGN.md's Mann-Kendall series: detrended r1 = 0.16277, corrected r = (14 r1 + 1) / 10.
        double[] x = {12.9, 14.8, 13.2, 15.7, 13.8, 15.6, 12.9, 11.0, 17.3, 15.9, 19.0, 18.3, 20.1, 21.7};

        AdjustedMannKendall.Result result = adjusted(x);

        assertThat(result.method()).isEqualTo("lettenmaier-ar1-bias-corrected");
        assertThat(result.lag1Autocorrelation()).isCloseTo(0.327872, within(1e-6));
        assertThat(result.varS()).isCloseTo(561.19971, within(1e-4));
        assertThat(result.effectivePeriods()).isCloseTo(8.298888, within(1e-6));
        assertThat(result.z()).isCloseTo(2.237264, within(1e-6));
        assertThat(result.pValue()).isCloseTo(0.025269, within(1e-6));
    }

    @Test
    void negativelyCorrelatedResiduals_leaveThePlainTest() {
        // The worked example: its detrended residuals alternate (r1 = -0.381), so r = 0.
        double[] x = {62, 60, 63, 58, 57, 59, 55, 52, 54, 50, 48, 51, 47, 45, 46, 44};

        AdjustedMannKendall.Result result = adjusted(x);

        assertThat(result.lag1Autocorrelation()).isZero();
        assertThat(result.effectivePeriods()).isEqualTo(16);
        assertThat(result.varS()).isCloseTo(493.333, within(1e-3));
        assertThat(result.z()).isCloseTo(-4.637319, within(1e-6));
    }

    @Test
    void correction_isFlooredAndCapped() {
        assertThat(AdjustedMannKendall.correctedLag1(-0.5, 26)).isZero();
        assertThat(AdjustedMannKendall.correctedLag1(0.9, 12)).isEqualTo(0.95);
        assertThat(AdjustedMannKendall.correctedLag1(0.5, 26)).isCloseTo(14.0 / 22, within(1e-12));
        assertThat(AdjustedMannKendall.correctedLag1(0.3, 4)).isEqualTo(0.3);
    }

    @Property(tries = 50)
    void lag1_ofAStraightLine_afterItsOwnSlope_isZero(@ForAll @DoubleRange(min = -5, max = 5) double slope) {
        double[] line = new double[20];
        for (int i = 0; i < line.length; i++) {
            line[i] = 50 + slope * i;
        }
        assertThat(AdjustedMannKendall.lag1(AdjustedMannKendall.detrended(line, slope))).isZero();
    }

    /**
     * The targets the method was chosen for (issue 21), on a fixed seed: weekly shares with SD 8
     * points and AR(1) noise. A statistical property of the method, not a timing.
     */
    @Test
    void errorRates_meetTheTargets_onSimulatedWeeks() {
        assertThat(rejections(26, 0.5, 0)).as("false alarms, 26 weeks, lag-1 0.5").isLessThanOrEqualTo(0.10);
        assertThat(rejections(52, 0.5, 0)).as("false alarms, 52 weeks, lag-1 0.5").isLessThanOrEqualTo(0.07);
        assertThat(rejections(26, 0, 0)).as("false alarms, 26 independent weeks").isLessThanOrEqualTo(0.06);
        assertThat(rejections(26, 0, -0.1)).as("power, a fall of 0.1 SD a week, independent").isGreaterThanOrEqualTo(0.75);
        assertThat(rejections(26, 0.5, -0.1)).as("power, a fall of 0.1 SD a week, lag-1 0.5").isGreaterThanOrEqualTo(0.50);
    }

    /** The share of 2,000 simulated series the adjusted test rejects at 0.05. */
    private static double rejections(int weeks, double correlation, double slopeInSds) {
        Random random = new Random(20 + weeks + (long) (correlation * 100) + (long) (slopeInSds * 1000));
        int rejected = 0;
        int series = 2000;
        for (int s = 0; s < series; s++) {
            if (adjusted(Simulated.weeks(random, weeks, correlation, slopeInSds)).pValue() < 0.05) {
                rejected++;
            }
        }
        return (double) rejected / series;
    }
}
