package org.craftline.report.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.craftline.testing.NoDatabase;
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
        // PELT cuts it in half, but the shift (2.2 points) is under 3 SDs of the noise around the
        // halves' means, so the residuals are around the Theil-Sen line: r1 = 0.018623, corrected
        // r = (8 r1 + 2) / 3; worked in numpy from the class's formulas.
        double[] x = {10.2, 12.9, 13.5, 12.1, 11.8, 14.6, 15.9, 15.1};
        double slope = TheilSen.estimate(x, MannKendall.test(x).varS()).slope();
        assertThat(ShiftDetector.changePoints(x)).containsExactly(4);
        assertThat(NoiseResiduals.of(x, slope)).containsExactly(NoiseResiduals.aroundLine(x, slope));

        AdjustedMannKendall.Result result = adjusted(x);

        assertThat(result.method()).isEqualTo("lettenmaier-ar1-bias-corrected");
        assertThat(result.lag1Autocorrelation()).isCloseTo(0.716328, within(1e-6));
        assertThat(result.varS()).isCloseTo(159.253399, within(1e-5));
        assertThat(result.effectivePeriods()).isCloseTo(3.281981, within(1e-6));
        assertThat(result.z()).isCloseTo(1.188631, within(1e-6));
        assertThat(result.pValue()).isCloseTo(0.234585, within(1e-6));
    }

    @Test
    void aClearShift_isNotReadAsCorrelatedWeeks() {
        // The design's Mann-Kendall known-answer series shifts up after its 10th value by 5.47, 3.1 times the SD
        // around the two means (1.787): the residuals are taken around those means, whose r1 is
        // -0.1666, so r = 0 and the plain variance stands. Around the line, r would be 0.33.
        double[] x = {12.9, 14.8, 13.2, 15.7, 13.8, 15.6, 12.9, 11.0, 17.3, 15.9, 19.0, 18.3, 20.1, 21.7};
        assertThat(ShiftDetector.changePoints(x)).containsExactly(10);

        AdjustedMannKendall.Result result = adjusted(x);

        assertThat(AdjustedMannKendall.lag1(NoiseResiduals.of(x, 0.566667))).isCloseTo(-0.166559, within(1e-6));
        assertThat(result.lag1Autocorrelation()).isZero();
        assertThat(result.varS()).isCloseTo(332.667, within(1e-3));
        assertThat(result.pValue()).isCloseTo(0.003663, within(1e-6));
    }

    @Test
    void aSteadyFall_cutIntoLevels_keepsTheLine() {
        // PELT cuts a clean fall into levels 3+ SDs apart, but the line fits it better (BIC), and
        // residuals around the levels would carry each level's own slope as false correlation.
        double[] x = {62, 60, 63, 58, 57, 59, 55, 52, 54, 50, 48, 51, 47, 45, 46, 44};
        assertThat(ShiftDetector.changePoints(x)).isNotEmpty();

        assertThat(NoiseResiduals.of(x, -1.25)).containsExactly(NoiseResiduals.aroundLine(x, -1.25));
    }

    @Test
    void aSmallShift_leavesTheLine() {
        // The same series with its last four values 2 lower: PELT now cuts after the 8th value, a
        // shift of 2.9 points, under 3 SDs, so the residuals stay around the line.
        double[] x = {12.9, 14.8, 13.2, 15.7, 13.8, 15.6, 12.9, 11.0, 17.3, 15.9, 17.0, 16.3, 18.1, 19.7};
        assertThat(ShiftDetector.changePoints(x)).containsExactly(8);
        double slope = TheilSen.estimate(x, MannKendall.test(x).varS()).slope();

        assertThat(NoiseResiduals.of(x, slope)).containsExactly(NoiseResiduals.aroundLine(x, slope));
    }

    @Test
    void negativelyCorrelatedResiduals_leaveThePlainTest() {
        // The design's worked example: its detrended residuals alternate (r1 = -0.381), so r = 0.
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
        assertThat(AdjustedMannKendall.correctedLag1(0.5, 26)).isCloseTo(15.0 / 21, within(1e-12));
        assertThat(AdjustedMannKendall.correctedLag1(0.3, 5)).isEqualTo(0.3);
    }

    @Property(tries = 50)
    void aStraightLine_orAFlatStep_hasNoCorrelationToAllowFor(@ForAll @DoubleRange(min = -5, max = 5) double slope,
                                                               @ForAll @DoubleRange(min = 0, max = 1) double step) {
        double[] line = new double[20];
        double[] steps = new double[20];
        for (int i = 0; i < line.length; i++) {
            line[i] = 50 + slope * i;
            steps[i] = i < 10 ? 0.8333333333 : 0.8333333333 - step;
        }
        assertThat(adjusted(line).lag1Autocorrelation()).isZero();
        assertThat(adjusted(steps).lag1Autocorrelation()).isZero();
        assertThat(adjusted(steps).effectivePeriods()).isEqualTo(20);
    }

    /**
     * The targets the method was chosen for, on a fixed seed: weekly shares with SD 8
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
