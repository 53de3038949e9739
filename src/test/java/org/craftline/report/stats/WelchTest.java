package org.craftline.report.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.craftline.testing.NoDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@NoDatabase
class WelchTest {

    @Test
    void knownInterval() {
        // scipy.stats.ttest_ind(after, before, equal_var=False).confidence_interval(): -0.41169 .. -0.18831, df 6.
        double[] before = {0.7, 0.8, 0.75, 0.65};
        double[] after = {0.4, 0.45, 0.5, 0.35};

        Welch.Result result = Welch.compare(before, after);

        assertThat(result.meanBefore()).isCloseTo(0.725, within(1e-12));
        assertThat(result.meanAfter()).isCloseTo(0.425, within(1e-12));
        assertThat(result.difference()).isCloseTo(-0.3, within(1e-12));
        assertThat(result.ciLow()).isCloseTo(-0.4116857, within(1e-6));
        assertThat(result.ciHigh()).isCloseTo(-0.1883143, within(1e-6));
        // scipy.stats.ttest_ind(after, before, equal_var=False).pvalue
        assertThat(result.pValue()).isCloseTo(0.000594765, within(1e-9));
    }

    @Test
    void correlatedWeeks_widenTheInterval_atTheFamilysLevel() {
        // Worked by hand from the class's formulas (a few lines of numpy/scipy): r = 0.5, n = 4 a side,
        // f = 2.0625, SE = 0.0815673, each side n/f - 1 < 1 so 1 degree of freedom each, nu = 2;
        // at alpha 0.025 (two events compared): -0.8061534 .. 0.2061534, p = 0.0666221, and a
        // difference of 0.5926686 detectable with power 0.8.
        double[] before = {0.7, 0.8, 0.75, 0.65};
        double[] after = {0.4, 0.45, 0.5, 0.35};

        Welch.Result result = Welch.compare(before, after, 0.5, 0.025);

        assertThat(result.ciLow()).isCloseTo(-0.8061534, within(1e-6));
        assertThat(result.ciHigh()).isCloseTo(0.2061534, within(1e-6));
        assertThat(result.pValue()).isCloseTo(0.0666221, within(1e-6));
        assertThat(result.detectableDifference()).isCloseTo(0.5926686, within(1e-6));
    }

    /** The targets: the smallest detectable before/after step in SD units, independent periods, within 5%. */
    @ParameterizedTest(name = "{0} periods a side: {1} SD")
    @CsvSource({"4, 2.38", "6, 1.80", "8, 1.51", "13, 1.15", "26, 0.79"})
    void detectableStep_matchesTheIssuesTable(int perSide, double expectedInSds) {
        double[] unitSd = withSampleSdOne(perSide);

        Welch.Result result = Welch.compare(unitSd, unitSd, 0, 0.05);

        assertThat(result.detectableDifference()).isCloseTo(expectedInSds, within(0.05 * expectedInSds));
    }

    /** 0, 1, ..., k - 1 scaled to a sample SD of exactly 1. */
    private static double[] withSampleSdOne(int k) {
        double[] x = new double[k];
        double mean = (k - 1) / 2.0;
        double squares = 0;
        for (int i = 0; i < k; i++) {
            squares += (i - mean) * (i - mean);
        }
        double sd = Math.sqrt(squares / (k - 1));
        for (int i = 0; i < k; i++) {
            x[i] = i / sd;
        }
        return x;
    }

    @Test
    void unequalVariances_useWelchSatterthwaite() {
        // scipy, as above: 0.32080 .. 4.65420 with Welch-Satterthwaite df 9.036 (a pooled t would give other bounds).
        double[] before = {3, 3.1, 2.9, 3.05};
        double[] after = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};

        Welch.Result result = Welch.compare(before, after);

        assertThat(result.difference()).isCloseTo(2.4875, within(1e-9));
        assertThat(result.ciLow()).isCloseTo(0.3208028, within(1e-6));
        assertThat(result.ciHigh()).isCloseTo(4.6541972, within(1e-6));
    }

    @Test
    void oneValueOnASide_hasADifferenceButNoBounds() {
        Welch.Result result = Welch.compare(new double[] {0.5}, new double[] {0.2, 0.3});

        assertThat(result.difference()).isCloseTo(-0.25, within(1e-12));
        assertThat(result.ciLow()).isNull();
        assertThat(result.ciHigh()).isNull();
        assertThat(result.pValue()).isNull();
        assertThat(result.detectableDifference()).isNull();
    }
}
