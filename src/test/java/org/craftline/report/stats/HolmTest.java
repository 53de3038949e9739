package org.craftline.report.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.craftline.testing.NoDatabase;
import org.junit.jupiter.api.Test;

@NoDatabase
class HolmTest {

    @Test
    void issuesKnownAnswer() {
        // The design's known answer: p = 0.001, 0.01, 0.03, 0.5 -> 0.004, 0.03, 0.06, 0.5.
        assertThat(Holm.adjust(new double[] {0.001, 0.01, 0.03, 0.5}))
                .containsExactly(new double[] {0.004, 0.03, 0.06, 0.5}, within(1e-12));
    }

    @Test
    void keepsTheOrderGiven_andNeverDecreasesAlongTheSortedOrder() {
        // Sorted: 0.01 (x3 = 0.03), 0.02 (x2 = 0.04), 0.04 (x1 = 0.04): step-down keeps 0.04 for both.
        assertThat(Holm.adjust(new double[] {0.04, 0.01, 0.02}))
                .containsExactly(new double[] {0.04, 0.03, 0.04}, within(1e-12));
    }

    @Test
    void isCappedAtOne_andLeavesOneComparisonAlone() {
        assertThat(Holm.adjust(new double[] {0.6, 0.7})).containsExactly(new double[] {1, 1}, within(0.0));
        assertThat(Holm.adjust(new double[] {0.03})).containsExactly(0.03);
        assertThat(Holm.adjust(new double[0])).isEmpty();
    }
}
