package org.craftline.report;

import java.util.Locale;
import org.craftline.report.stats.DetectableTrend;

/**
 * The verdict in plain words, for the page's sentence and the chart's caption alike: how sure it
 * is, that runs of similar periods were allowed for, and, where there is no clear trend, how large
 * a change the series could have shown, so that "no clear trend" over a short or noisy range is
 * not read as "nothing changed".
 */
final class VerdictWords {

    /** A detectable change over the range at least this large (in share points) means the range is too short or noisy to tell. */
    static final double TOO_COARSE = 0.10;

    private VerdictWords() {
    }

    static String of(Trend trend, Bucket bucket) {
        String periods = bucket == Bucket.MONTH ? "months" : "weeks";
        return switch (trend.verdict()) {
            case TOO_FEW_PERIODS -> String.format(Locale.ROOT,
                    "Too few periods with work to see a trend yet (%d; at least %d are needed).", trend.periods(),
                    Trend.MIN_PERIODS);
            case DESKILLING, RESKILLING -> String.format(Locale.ROOT,
                    "Over the whole range the craft share %s: a trend this strong arises by chance %s, even allowing "
                            + "for runs of similar %s.", trend.verdict() == Trend.Verdict.DESKILLING ? "falls" : "rises",
                    trend.adjusted().pValue() < 0.01 ? "less than 1 time in 100" : "less than 1 time in 20", periods);
            case NO_CLEAR_TREND -> "Over the whole range there is no clear trend, allowing for runs of similar "
                    + periods + ". " + detectable(trend.periods(), trend.detectable(), periods);
        };
    }

    private static String detectable(int n, DetectableTrend.Result detectable, String periods) {
        if (detectable.changeOverRange() == null) {
            return String.format(Locale.ROOT, "With only %d %s no steady change could show: too short to tell, "
                    + "not a sign that nothing changed.", n, periods);
        }
        long points = Math.round(100 * detectable.changeOverRange());
        if (detectable.changeOverRange() >= TOO_COARSE) {
            return String.format(Locale.ROOT, "With %d %s this uneven, only a fall of about %d points or more would "
                    + "show: the range may be too short or too noisy to tell, not a sign that nothing changed.", n,
                    periods, points);
        }
        return String.format(Locale.ROOT, "With %d %s this steady, a fall of about %d points or more over the range "
                + "would have shown.", n, periods, Math.max(1, points));
    }
}
