package org.craftline.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.craftline.testing.NoDatabase;
import org.junit.jupiter.api.Test;

/** The verdict in words: what it allowed for, and what a range without a clear trend could have shown. */
@NoDatabase
class VerdictWordsTest {

    private static double[] noisy(int n, double sd, double slope, long seed) {
        Random random = new Random(seed);
        double[] shares = new double[n];
        for (int i = 0; i < n; i++) {
            shares[i] = 0.6 + slope * i + sd * random.nextGaussian();
        }
        return shares;
    }

    @Test
    void aClearFall_saysHowSure_allowingForRunsOfSimilarWeeks() {
        Trend trend = Trend.of(noisy(26, 0.02, -0.01, 1), Bucket.WEEK);

        assertThat(trend.verdict()).isEqualTo(Trend.Verdict.DESKILLING);
        assertThat(trend.sentence()).isEqualTo("Over the whole range the craft share falls: a trend this strong arises "
                + "by chance less than 1 time in 100, even allowing for runs of similar weeks.");
    }

    @Test
    void noClearTrend_overAShortUnevenRange_saysItMayBeTooShortToTell() {
        Trend trend = Trend.of(noisy(12, 0.08, 0, 2), Bucket.WEEK);

        assertThat(trend.verdict()).isEqualTo(Trend.Verdict.NO_CLEAR_TREND);
        long points = Math.round(100 * trend.detectable().changeOverRange());
        assertThat(points).isGreaterThanOrEqualTo(10);
        assertThat(trend.sentence()).isEqualTo("Over the whole range there is no clear trend, allowing for runs of similar "
                + "weeks. With 12 weeks this uneven, only a fall of about " + points + " points or more would show: "
                + "the range may be too short or too noisy to tell, not a sign that nothing changed.");
    }

    @Test
    void noClearTrend_overALongSteadyRange_saysWhatWouldHaveShown() {
        Trend trend = Trend.of(noisy(24, 0.01, 0, 3), Bucket.MONTH);

        assertThat(trend.verdict()).isEqualTo(Trend.Verdict.NO_CLEAR_TREND);
        assertThat(trend.sentence()).startsWith("Over the whole range there is no clear trend, allowing for runs of "
                + "similar months. With 24 months this steady, a fall of about ").endsWith(" points or more over the "
                + "range would have shown.");
    }

    @Test
    void tooFewPeriods_orTooFewToEverShow() {
        assertThat(Trend.of(new double[] {0.5, 0.4, 0.3}, Bucket.WEEK).sentence())
                .isEqualTo("Too few periods with work to see a trend yet (3; at least 4 are needed).");
        assertThat(Trend.of(new double[] {0.5, 0.4, 0.45, 0.5}, Bucket.WEEK).sentence())
                .endsWith("With only 4 weeks no steady change could show: too short to tell, not a sign that nothing changed.");
    }
}
