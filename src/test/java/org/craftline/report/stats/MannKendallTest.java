package org.craftline.report.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.craftline.testing.NoDatabase;
import org.junit.jupiter.api.Test;

/** Known answers from the design's worked examples (Gilbert 1987 style). */
@NoDatabase
class MannKendallTest {

    @Test
    void withoutTies() {
        double[] x = {12.9, 14.8, 13.2, 15.7, 13.8, 15.6, 12.9, 11.0, 17.3, 15.9, 19.0, 18.3, 20.1, 21.7};

        MannKendall.Result result = MannKendall.test(x);

        assertThat(result.s()).isEqualTo(54);
        assertThat(result.varS()).isCloseTo(332.667, within(1e-3));
        assertThat(result.z()).isCloseTo(2.9058, within(1e-4));
        assertThat(result.pValue()).isCloseTo(0.003663, within(1e-6));
        assertThat(result.tau()).isCloseTo(54.0 / 91, within(1e-12));
    }

    @Test
    void withTies() {
        double[] x = {10, 10, 10, 5, 10, 20, 18, 17, 15, 24, 15};

        MannKendall.Result result = MannKendall.test(x);

        assertThat(result.s()).isEqualTo(22);
        assertThat(result.varS()).isCloseTo(155.33, within(1e-2));
        assertThat(result.z()).isCloseTo(1.685, within(1e-3));
        assertThat(result.pValue()).isCloseTo(0.0920, within(1e-4));
    }

    @Test
    void falling_givesNegativeSAndZ() {
        MannKendall.Result result = MannKendall.test(new double[] {0.9, 0.8, 0.7, 0.5, 0.2});

        assertThat(result.s()).isEqualTo(-10);
        assertThat(result.z()).isNegative();
        assertThat(result.tau()).isEqualTo(-1.0);
    }

    @Test
    void constant_hasNoTrend() {
        MannKendall.Result result = MannKendall.test(new double[] {0.5, 0.5, 0.5, 0.5});

        assertThat(result.s()).isZero();
        assertThat(result.z()).isZero();
        assertThat(result.pValue()).isEqualTo(1.0);
    }
}
