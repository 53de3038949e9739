package org.craftline.report.stats;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Holm's step-down adjustment of p-values for m comparisons made together (Holm 1979): the k-th
 * smallest p is multiplied by m - k + 1, made non-decreasing in that order, and capped at 1. It
 * keeps the chance of any false finding among them at the nominal level, and rejects at least
 * what Bonferroni does.
 */
public final class Holm {

    private Holm() {
    }

    /** @return the adjusted p-values, in the order given */
    public static double[] adjust(double[] p) {
        int m = p.length;
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
        double[] adjusted = new double[m];
        double running = 0;
        for (int k = 0; k < m; k++) {
            running = Math.max(running, Math.min(1, (m - k) * p[order[k]]));
            adjusted[order[k]] = running;
        }
        return adjusted;
    }
}
