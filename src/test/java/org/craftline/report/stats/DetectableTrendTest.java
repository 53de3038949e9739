package org.craftline.report.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.craftline.testing.NoDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The smallest detectable trend against the targets' table, and against the test it speaks for. */
@NoDatabase
class DetectableTrendTest {

    @ParameterizedTest(name = "{0} independent periods: {1} SD a period")
    @CsvSource({"8, 0.66", "12, 0.285", "16, 0.179", "26, 0.080", "52, 0.027"})
    void independentPeriods_matchTheIssuesTable_within10Percent(int n, double expectedInSds) {
        assertThat(DetectableTrend.slopeInSds(n, 0)).isCloseTo(expectedInSds, within(0.10 * expectedInSds));
    }

    @Test
    void scalesWithTheNoise_andSpansTheRange() {
        DetectableTrend.Result result = DetectableTrend.of(26, 8, 0);

        assertThat(result.slopePerPeriod()).isCloseTo(8 * DetectableTrend.slopeInSds(26, 0), within(1e-12));
        assertThat(result.changeOverRange()).isCloseTo(25 * result.slopePerPeriod(), within(1e-12));
        assertThat(result.power()).isEqualTo(0.8);
        assertThat(result.alpha()).isEqualTo(0.05);
    }

    @Test
    void correlatedWeeks_needALargerFall() {
        assertThat(DetectableTrend.slopeInSds(26, 0.5)).isGreaterThan(1.3 * DetectableTrend.slopeInSds(26, 0));
    }

    @Test
    void fourPeriods_canShowNoTrendAtAll() {
        // With 4 values S is at most 6 and the test needs S - 1 > 1.96 sqrt(8.67) = 5.77.
        assertThat(DetectableTrend.of(4, 5, 0).slopePerPeriod()).isNull();
        assertThat(DetectableTrend.of(5, 5, 0).slopePerPeriod()).isPositive();
    }

    /** A fall of the detectable size is called about 80% of the time by the adjusted test itself. */
    @Test
    void aFallOfTheDetectableSize_isCalledWithThePromisedPower() {
        int n = 26;
        double correlation = 0.5;
        Random random = new Random(42);
        double slope = DetectableTrend.slopeInSds(n, correlation);
        int called = 0;
        int series = 2000;
        for (int s = 0; s < series; s++) {
            double[] x = Simulated.weeks(random, n, correlation, -slope);
            MannKendall.Result plain = MannKendall.test(x);
            double sen = TheilSen.estimate(x, plain.varS()).slope();
            // With r known (the simulation's own), the test's power is the promised one.
            double varS = plain.varS() * Math.max(1, AdjustedMannKendall.inflation(n, correlation));
            if (MannKendall.twoSidedP(MannKendall.z(plain.s(), varS)) < 0.05 && sen < 0) {
                called++;
            }
        }
        assertThat((double) called / series).isCloseTo(0.8, within(0.03));
    }
}
