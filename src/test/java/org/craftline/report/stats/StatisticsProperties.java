package org.craftline.report.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Assume;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.craftline.testing.NoDatabase;

@NoDatabase
class StatisticsProperties {

    @Provide
    Arbitrary<double[]> series() {
        // Values on a coarse grid as well as anywhere, so that ties happen as they do in real shares.
        Arbitrary<Double> value = Arbitraries.oneOf(
                Arbitraries.doubles().between(0, 1),
                Arbitraries.integers().between(0, 4).map(i -> i / 4.0));
        return value.list().ofMinSize(2).ofMaxSize(40).map(l -> l.stream().mapToDouble(Double::doubleValue).toArray());
    }

    @Property
    void mannKendall_reversingTheSeriesFlipsTheSignOfS(@ForAll("series") double[] x) {
        double[] reversed = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            reversed[i] = x[x.length - 1 - i];
        }

        assertThat(MannKendall.test(reversed).s()).isEqualTo(-MannKendall.test(x).s());
        assertThat(MannKendall.test(reversed).pValue()).isCloseTo(MannKendall.test(x).pValue(), within(1e-12));
    }

    @Property
    void mannKendall_pValueIsAProbabilityAndTauWithinOne(@ForAll("series") double[] x) {
        MannKendall.Result result = MannKendall.test(x);

        assertThat(result.pValue()).isBetween(0.0, 1.0);
        assertThat(result.tau()).isBetween(-1.0, 1.0);
    }

    @Property
    void theilSen_slopeIgnoresAConstantAdded(@ForAll("series") double[] x,
                                              @ForAll @DoubleRange(min = -10, max = 10) double shift) {
        double[] shifted = x.clone();
        for (int i = 0; i < x.length; i++) {
            shifted[i] += shift;
        }
        double varS = MannKendall.test(x).varS();

        TheilSen.Result original = TheilSen.estimate(x, varS);
        TheilSen.Result moved = TheilSen.estimate(shifted, varS);

        assertThat(moved.slope()).isCloseTo(original.slope(), within(1e-9));
        assertThat(moved.intercept()).isCloseTo(original.intercept() + shift, within(1e-9));
        assertThat(original.slopeLow()).isLessThanOrEqualTo(original.slope());
        assertThat(original.slopeHigh()).isGreaterThanOrEqualTo(original.slope());
    }

    @Property
    void mannKendall_dependsOnlyOnOrderNotOnScale(@ForAll("series") double[] x,
                                                  @ForAll @DoubleRange(min = 0.1, max = 100) double factor) {
        double[] scaled = x.clone();
        for (int i = 0; i < x.length; i++) {
            scaled[i] *= factor;
        }

        assertThat(MannKendall.test(scaled).s()).isEqualTo(MannKendall.test(x).s());
    }

    /**
     * PELT must find the optimal partition: the same cost and the same change points as trying every
     * partition by dynamic programming (optimal partitioning, Jackson et al. 2005).
     */
    @Property(tries = 400)
    void pelt_equalsBruteForceOptimalPartitioning(@ForAll @Size(min = 1, max = 40) List<@IntRange(min = -3, max = 3) Integer> steps,
                                                   @ForAll @IntRange(min = 1, max = 6) int minSegment,
                                                   @ForAll @DoubleRange(min = 0.5, max = 10) double penalty,
                                                   @ForAll @DoubleRange(min = 0, max = 1) double noise) {
        double[] x = new double[steps.size()];
        double level = 0;
        java.util.Random random = new java.util.Random(steps.hashCode());
        for (int i = 0; i < x.length; i++) {
            level += random.nextInt(6) == 0 ? steps.get(i) : 0;
            x[i] = level + noise * random.nextGaussian();
        }

        List<Integer> pelt = Pelt.changePoints(x, penalty, minSegment);
        List<Integer> brute = bruteForce(x, penalty, minSegment);

        assertThat(Pelt.totalCost(x, penalty, pelt)).isCloseTo(Pelt.totalCost(x, penalty, brute), within(1e-7));
        assertThat(pelt).isEqualTo(brute);
    }

    /** Optimal partitioning without pruning: every earlier admissible end is tried. Ties go to the earliest. */
    static List<Integer> bruteForce(double[] x, double penalty, int minSegment) {
        int n = x.length;
        if (n < 2 * minSegment) {
            return List.of();
        }
        Pelt.SegmentCost cost = new Pelt.SegmentCost(x);
        double[] best = new double[n + 1];
        int[] previous = new int[n + 1];
        java.util.Arrays.fill(best, Double.POSITIVE_INFINITY);
        best[0] = -penalty;
        for (int t = minSegment; t <= n; t++) {
            for (int s = 0; s <= t - minSegment; s++) {
                if (s != 0 && s < minSegment) {
                    continue;
                }
                double total = best[s] + cost.of(s, t) + penalty;
                if (total < best[t]) {
                    best[t] = total;
                    previous[t] = s;
                }
            }
        }
        List<Integer> changes = new ArrayList<>();
        for (int end = previous[n]; end > 0; end = previous[end]) {
            changes.add(end);
        }
        Collections.reverse(changes);
        return changes;
    }

    @Property
    void adjustedMannKendall_neverNarrowsThePlainTest(@ForAll("series") double[] x) {
        Assume.that(x.length >= 4);
        MannKendall.Result plain = MannKendall.test(x);
        AdjustedMannKendall.Result adjusted = AdjustedMannKendall.test(x, plain,
                TheilSen.estimate(x, plain.varS()).slope());

        assertThat(adjusted.varS()).isGreaterThanOrEqualTo(plain.varS());
        assertThat(adjusted.pValue()).isGreaterThanOrEqualTo(plain.pValue() - 1e-12).isBetween(0.0, 1.0);
        assertThat(adjusted.effectivePeriods()).isGreaterThan(0).isLessThanOrEqualTo(x.length);
        assertThat(adjusted.lag1Autocorrelation()).isBetween(0.0, 0.95);
    }
}
