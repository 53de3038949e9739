package org.craftline.report.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.stat.ranking.NaturalRanking;
import org.apache.commons.math3.stat.ranking.TiesStrategy;
import org.craftline.testing.NoDatabase;
import org.junit.jupiter.api.Test;

/**
 * The published corrections against pyMannKendall's own tests (mmhs013/pyMannKendall,
 * tests/test_pymannkendall.py, its 360-value series with gaps) and the design's worked example.
 */
@NoDatabase
class PublishedCorrectionsTest {

    /** pyMannKendall's arbitrary_1d_data: the gaps are skipped, but its Sen slope keeps the original spacing. */
    private static final double[] ARBITRARY = {
            32, 20, 25, 189, 240, 193, 379, 278, 301, 0, 0, 82, 0, 4, Double.NaN, Double.NaN, 121, 234, 360,
            262, 120, 30, 11, 1, 7, 3, 31, 31, 355, 102, 248, 274, 308, Double.NaN, 5, 26, 11, 16, 6, 48, 388,
            539, 431, 272, 404, 186, 0, 2, 0, 4, 1, 54, 272, 459, 235, 164, 365, 135, 2, Double.NaN,
            Double.NaN, 4, 0, 128, 210, 163, 446, 225, 462, 467, 19, 13, 0, 3, 17, 132, 178, 338, 525, 623,
            145, 31, 19, 3, 0, 29, 25, 87, 259, 756, 486, 180, 292, 43, 92, 1, 0, 16, 2, 0, 130, 253, 594, 111,
            273, 30, 0, 4, 0, 27, 24, 41, 292, 378, 499, 265, 320, 227, 4, 0, 4, 14, 8, 48, 416, 240, 404, 207,
            733, 105, 0, 112, 0, 14, 0, 30, 140, 202, 289, 159, 424, 106, 3, 0, 65, 3, 14, 58, 268, 466, 432,
            266, 240, 95, 1, 0, 10, 26, 4, 114, 94, 289, 173, 208, 263, 156, 5, 0, 16, 16, 14, 0, 111, 475,
            534, 432, 471, 117, 70, 1, 3, 28, 7, 401, 184, 283, 338, 171, 335, 176, 0, 0, 10, 11, 9, 140, 102,
            208, 298, 245, 220, 29, 2, 27, 10, 13, 26, 84, 143, 367, 749, 563, 283, 353, 10, 0, 0, 0, 0, 9,
            246, 265, 343, 429, 168, 133, 17, 0, 18, 35, 76, 158, 272, 250, 190, 289, 466, 84, 0, 0, 0, 0, 0,
            22, 217, 299, 185, 115, 344, 203, 8, Double.NaN, Double.NaN, 0, 5, 284, 123, 254, 476, 496, 326,
            27, 20, 0, 4, 53, 72, 113, 214, 364, 219, 220, 156, 264, 0, 13, 0, 0, 45, 90, 137, 638, 529, 261,
            206, 251, 0, 0, 5, 9, 58, 72, 138, 130, 471, 328, 356, 523, 0, 1, 0, 0, 12, 143, 193, 184, 192,
            138, 174, 69, 1, 0, 0, 18, 25, 28, 92, 732, 320, 256, 302, 131, 15, 0, 27, 0, 22, 20, 213, 393,
            474, 374, 109, 159, 0, 0, 0, 3, 3, 49, 205, 128, 194, 570, 169, 89, 0, 0, 0, 0, 0, 26, 185, 286,
            92, 225, 244, 190, 3, 20
    };

    @Test
    void hamedRao_threeLags_matchesPyMannKendall() {
        double[] x = withoutGaps(ARBITRARY);
        MannKendall.Result plain = MannKendall.test(x);

        AdjustedMannKendall.Result result = PublishedCorrections.hamedRao(x, plain, senSlopeAcrossGaps(ARBITRARY), 3);

        assertThat(plain.s()).isEqualTo(-1959);
        assertThat(result.varS()).isCloseTo(14_228_919.889368296, within(1e-3));
        assertThat(result.z()).isCloseTo(-0.5190709455046154, within(1e-9));
        assertThat(result.pValue()).isCloseTo(0.6037112685123898, within(1e-9));
    }

    @Test
    void yueWang_oneLag_matchesPyMannKendall() {
        double[] x = withoutGaps(ARBITRARY);
        MannKendall.Result plain = MannKendall.test(x);

        AdjustedMannKendall.Result result = PublishedCorrections.yueWang(x, plain, senSlopeAcrossGaps(ARBITRARY), 1);

        assertThat(result.varS()).isCloseTo(10_377_313.384506395, within(1e-3));
        assertThat(result.z()).isCloseTo(-0.6078133313683783, within(1e-9));
        assertThat(result.pValue()).isCloseTo(0.5433112864060043, within(1e-9));
    }

    @Test
    void hamedRao_keepsOnlyTheSignificantLag_inTheWorkedExample() {
        // The design's worked example: S = -104, Var0 = 493.33, only lag 3 is kept (rho3 = 0.600 > 1.96/4), n/n* = 1.6133.
        double[] x = {62, 60, 63, 58, 57, 59, 55, 52, 54, 50, 48, 51, 47, 45, 46, 44};
        MannKendall.Result plain = MannKendall.test(x);
        double slope = TheilSen.estimate(x, plain.varS()).slope();

        AdjustedMannKendall.Result result = PublishedCorrections.hamedRao(x, plain, slope, 3);

        assertThat(slope).isEqualTo(-1.25);
        assertThat(plain.s()).isEqualTo(-104);
        assertThat(plain.varS()).isCloseTo(493.33, within(0.01));
        double[] ranks = new NaturalRanking(TiesStrategy.AVERAGE).rank(NoiseResiduals.aroundLine(x, slope));
        assertThat(PublishedCorrections.autocorrelations(ranks, 3)[3]).isCloseTo(0.600, within(5e-4));
        assertThat(16 / result.effectivePeriods()).isCloseTo(1.6133, within(1e-4));
        assertThat(result.varS()).isCloseTo(795.90, within(0.01));
        assertThat(result.z()).isCloseTo(-3.651, within(5e-4));
        assertThat(plain.z()).isCloseTo(-4.637, within(5e-4));
    }

    @Test
    void constantSeries_isNotCorrected() {
        double[] x = new double[30];
        Arrays.fill(x, 7);
        MannKendall.Result plain = MannKendall.test(x);

        assertThat(PublishedCorrections.hamedRao(x, plain, 0, 3).pValue()).isEqualTo(1.0);
        assertThat(PublishedCorrections.yueWang(x, plain, 0, 1).pValue()).isEqualTo(1.0);
    }

    private static double[] withoutGaps(double[] x) {
        return Arrays.stream(x).filter(v -> !Double.isNaN(v)).toArray();
    }

    /** The median of the pairwise slopes over the original positions, pairs with a gap left out. */
    private static double senSlopeAcrossGaps(double[] x) {
        List<Double> slopes = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            for (int j = i + 1; j < x.length; j++) {
                if (!Double.isNaN(x[i]) && !Double.isNaN(x[j])) {
                    slopes.add((x[j] - x[i]) / (j - i));
                }
            }
        }
        return Medians.of(slopes.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
