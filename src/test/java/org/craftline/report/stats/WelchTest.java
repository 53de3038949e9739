package org.craftline.report.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.craftline.NoDatabase;
import org.junit.jupiter.api.Test;

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
    }
}
