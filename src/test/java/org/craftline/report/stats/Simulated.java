package org.craftline.report.stats;

import java.util.Random;

/** Simulated weekly craft shares, in points: a level of 60, SD 8, AR(1) noise, and a steady slope. */
final class Simulated {

    static final double SD = 8;

    private Simulated() {
    }

    /**
     * @param correlation the noise's lag-1 correlation (stationary AR(1), SD {@link #SD})
     * @param slopeInSds  the change per week, in SDs
     */
    static double[] weeks(Random random, int n, double correlation, double slopeInSds) {
        double[] x = new double[n];
        double noise = random.nextGaussian();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                noise = correlation * noise + Math.sqrt(1 - correlation * correlation) * random.nextGaussian();
            }
            x[i] = 60 + SD * noise + slopeInSds * SD * i;
        }
        return x;
    }
}
