package org.craftline.report.stats;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.ranking.NaturalRanking;
import org.apache.commons.math3.stat.ranking.TiesStrategy;

/**
 * The two published corrections of Mann-Kendall for serial correlation that {@link AdjustedMannKendall}
 * was chosen against, kept so the choice can be rerun (bench/ValidityBench.java) and checked against
 * pyMannKendall's known answers. Both follow pyMannKendall 1.4: the series is detrended by its
 * Theil-Sen slope and the autocorrelations use the biased (1/n) estimate.
 */
public final class PublishedCorrections {

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(0, 1);

    private PublishedCorrections() {
    }

    /**
     * Hamed and Rao (1998): the autocorrelations of the ranks of the detrended series at lags
     * 1..{@code maxLag}, each kept only where it is significant (|rho_k| > z_{0.975}/sqrt(n));
     * {@code n/n* = 1 + 2 |sum_k (n-k)(n-k-1)(n-k-2) rho_k| / (n(n-1)(n-2))}.
     */
    public static AdjustedMannKendall.Result hamedRao(double[] x, MannKendall.Result plain, double senSlope,
                                                      int maxLag) {
        int n = x.length;
        double[] ranks = new NaturalRanking(TiesStrategy.AVERAGE).rank(NoiseResiduals.aroundLine(x, senSlope));
        double[] rho = autocorrelations(ranks, maxLag);
        double bound = STANDARD_NORMAL.inverseCumulativeProbability(0.975) / Math.sqrt(n);
        double sum = 0;
        for (int k = 1; k <= maxLag && k < n; k++) {
            if (Math.abs(rho[k]) > bound) {
                sum += (n - k) * (n - k - 1.0) * (n - k - 2.0) * rho[k];
            }
        }
        double factor = 1 + 2 * Math.abs(sum) / (n * (n - 1.0) * (n - 2.0));
        return result("hamed-rao-" + maxLag + "-lags", rho[1], n, plain, factor);
    }

    /**
     * Yue and Wang (2004): the autocorrelations of the detrended series itself at lags 1..{@code lags},
     * {@code n/n* = 1 + 2 sum_k (1 - k/n) rho_k}.
     */
    public static AdjustedMannKendall.Result yueWang(double[] x, MannKendall.Result plain, double senSlope, int lags) {
        int n = x.length;
        double[] rho = autocorrelations(NoiseResiduals.aroundLine(x, senSlope), lags);
        double sum = 0;
        for (int k = 1; k <= lags && k < n; k++) {
            sum += (1 - (double) k / n) * rho[k];
        }
        return result("yue-wang-" + lags + "-lags", rho[1], n, plain, 1 + 2 * sum);
    }

    private static AdjustedMannKendall.Result result(String method, double lag1, int n, MannKendall.Result plain,
                                                     double factor) {
        double varS = plain.varS() * factor;
        double z = MannKendall.z(plain.s(), varS);
        return new AdjustedMannKendall.Result(method, lag1, n / factor, varS, z, MannKendall.twoSidedP(z));
    }

    /** rho_0..rho_maxLag with the 1/n autocovariance; all 0 past rho_0 for a constant series. */
    static double[] autocorrelations(double[] x, int maxLag) {
        int n = x.length;
        double mean = Welch.mean(x);
        double[] rho = new double[maxLag + 1];
        double c0 = 0;
        for (double value : x) {
            c0 += (value - mean) * (value - mean);
        }
        rho[0] = 1;
        for (int k = 1; k <= maxLag && k < n; k++) {
            double ck = 0;
            for (int i = 0; i + k < n; i++) {
                ck += (x[i] - mean) * (x[i + k] - mean);
            }
            rho[k] = c0 == 0 ? 0 : ck / c0;
        }
        return rho;
    }
}
