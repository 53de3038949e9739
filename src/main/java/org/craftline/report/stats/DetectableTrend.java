package org.craftline.report.stats;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.util.KthSelector;

/**
 * The smallest steady fall (or rise) the adjusted trend test would call, with power
 * {@value #POWER} at alpha {@value #ALPHA}, in a series of this length, noise and serial
 * correlation: what a "no clear trend" can and cannot rule out.
 *
 * <p>Found by simulation, because Mann-Kendall's own variance shrinks under a trend and normal
 * approximations overstate the detectable slope of a short series by half. The simulation is
 * exact for each noise draw: with a fall of b per period, a pair (i, j) counts as falling once
 * b exceeds its noise slope {@code (e_j - e_i)/(j - i)}, so S reaches the test's critical value
 * -S_c exactly when b passes the {@code (N + S_c)/2}-th smallest of the N pairwise noise slopes.
 * The detectable slope is the {@value #POWER} quantile of that threshold over draws of AR(1) noise
 * (SD 1, the series' lag-1 correlation), in SDs, times the series' noise SD. The draws are seeded
 * by n and r, so a report gives the same answer every time; r is taken to the nearest 0.05 and
 * results are kept per (n, r).
 */
public final class DetectableTrend {

    public static final double POWER = 0.8;
    public static final double ALPHA = 0.05;
    /** About this many pairwise slopes are drawn per answer: 2,000 draws up to 45 periods, fewer beyond. */
    private static final int PAIRS_BUDGET = 2_000_000;
    private static final int MIN_DRAWS = 400;
    private static final int MAX_DRAWS = 2000;
    private static final int CACHED = 2048;
    /** r is simulated to this step: finer than its own standard error (about 0.15 at 26 periods) by far. */
    private static final double R_STEP = 0.05;
    private static final double Z = new NormalDistribution(0, 1).inverseCumulativeProbability(1 - ALPHA / 2);

    /**
     * @param slopePerPeriod  the size of the smallest detectable steady change per period (a fall or a
     *                        rise alike), in share points; null where no steady change in so few periods
     *                        could reach significance
     * @param changeOverRange {@code slopePerPeriod * (n - 1)}: that change over the whole range
     */
    public record Result(Double slopePerPeriod, Double changeOverRange, double power, double alpha) {
    }

    private static final Map<Long, Double> IN_SDS = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Double> eldest) {
            return size() > CACHED;
        }
    };

    private DetectableTrend() {
    }

    /**
     * @param n       the periods the trend test ran on
     * @param noiseSd the SD of the series around its Theil-Sen line
     * @param r       the lag-1 autocorrelation the adjusted test allowed for
     */
    public static Result of(int n, double noiseSd, double r) {
        double inSds = slopeInSds(n, r);
        if (Double.isNaN(inSds)) {
            return new Result(null, null, POWER, ALPHA);
        }
        double slope = inSds * noiseSd;
        return new Result(slope, slope * (n - 1), POWER, ALPHA);
    }

    /** The detectable slope in noise SDs per period; NaN when the test cannot reject at all in n periods. */
    static double slopeInSds(int n, double r) {
        long step = Math.round(r / R_STEP);
        double rounded = step * R_STEP;
        long key = n * 1_000L + step;
        synchronized (IN_SDS) {
            Double known = IN_SDS.get(key);
            if (known != null) {
                return known;
            }
        }
        double computed = simulate(n, rounded);
        synchronized (IN_SDS) {
            IN_SDS.put(key, computed);
        }
        return computed;
    }

    private static double simulate(int n, double r) {
        int pairs = n * (n - 1) / 2;
        double varS = n * (n - 1.0) * (2.0 * n + 5) / 18 * Math.max(1, AdjustedMannKendall.inflation(n, r));
        int critical = (int) Math.floor(1 + Z * Math.sqrt(varS)) + 1;
        if ((critical - pairs) % 2 != 0) {
            critical++;   // S moves in steps of 2: it has the parity of the number of pairs
        }
        int rank = (pairs + critical) / 2;
        if (rank > pairs) {
            return Double.NaN;
        }
        int draws = Math.max(MIN_DRAWS, Math.min(MAX_DRAWS, PAIRS_BUDGET / pairs));
        Random random = new Random(0x5EED_0000L + n * 1_000L + Math.round(r * 1000));
        double[] thresholds = new double[draws];
        double[] noise = new double[n];
        double[] slopes = new double[pairs];
        KthSelector selector = new KthSelector();
        double innovation = Math.sqrt(1 - r * r);
        for (int d = 0; d < draws; d++) {
            noise[0] = random.nextGaussian();
            for (int i = 1; i < n; i++) {
                noise[i] = r * noise[i - 1] + innovation * random.nextGaussian();
            }
            int p = 0;
            for (int i = 0; i < n - 1; i++) {
                for (int j = i + 1; j < n; j++) {
                    slopes[p++] = (noise[j] - noise[i]) / (j - i);
                }
            }
            thresholds[d] = selector.select(slopes, null, rank - 1);
        }
        return selector.select(thresholds, null, (int) Math.ceil(POWER * draws) - 1);
    }
}
