package org.craftline.report.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.craftline.testing.NoDatabase;
import org.junit.jupiter.api.Test;

@NoDatabase
class TheilSenTest {

    @Test
    void knownSlope() {
        double[] x = {12.9, 14.8, 13.2, 15.7, 13.8, 15.6, 12.9, 11.0, 17.3, 15.9, 19.0, 18.3, 20.1, 21.7};

        TheilSen.Result result = TheilSen.estimate(x, MannKendall.test(x).varS());

        assertThat(result.slope()).isCloseTo(0.566667, within(1e-6));
        // Gilbert's bounds: N = 91 slopes, C = 1.96 sqrt(332.667) = 35.75, ranks 28 and 64 (1-based);
        // scipy.stats.theilslopes(x) gives the same: 0.325 .. 0.866667, intercept 11.966667.
        assertThat(result.slopeLow()).isCloseTo(0.325, within(1e-9));
        assertThat(result.slopeHigh()).isCloseTo(0.866667, within(1e-6));
        assertThat(result.intercept()).isCloseTo(11.966667, within(1e-6));
    }

    @Test
    void bounds_areTheGilbertRanksOfTheSortedSlopes() {
        // 0, 1, 3, 6 at t = 0..3: pair slopes 1, 1.5, 2, 2, 2.5, 3 (sorted); the median is 2.
        double[] x = {0, 1, 3, 6};
        double varS = MannKendall.test(x).varS();   // 4*3*13/18 = 8.667; C = 5.77

        TheilSen.Result result = TheilSen.estimate(x, varS);

        assertThat(result.slope()).isEqualTo(2.0);
        // M1 = (6 - 5.77)/2 = 0.115 -> rank 0 -> clamped to 1; M2 + 1 = 5.885 + 1 -> rank 7 -> clamped to 6.
        assertThat(result.slopeLow()).isEqualTo(1.0);
        assertThat(result.slopeHigh()).isEqualTo(3.0);
        assertThat(result.intercept()).isEqualTo(2.0 - 2.0 * 1.5);
    }

    @Test
    void perfectLine_isRecovered() {
        double[] x = {0.8, 0.75, 0.7, 0.65, 0.6, 0.55};

        TheilSen.Result result = TheilSen.estimate(x, MannKendall.test(x).varS());

        assertThat(result.slope()).isCloseTo(-0.05, within(1e-12));
        assertThat(result.intercept()).isCloseTo(0.8, within(1e-12));
    }
}
