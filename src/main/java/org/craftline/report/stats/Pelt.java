package org.craftline.report.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Optimal change points in the mean by PELT (Killick, Fearnhead and Eckley 2012): the partition
 * minimising the sum of segment costs plus a penalty per change, found exactly in about linear
 * time by discarding candidates that can never again be optimal.
 *
 * <p>Segment cost {@code C(a,b] = sum z^2 - (sum z)^2 / (b - a)}, the squared deviation from the
 * segment mean. With a minimum segment length m > 1, a candidate that fails the pruning test at t
 * may still be the best start for ends t+1 .. t+m-1 (t itself is not yet a possible change there),
 * so it leaves the candidate set only at t + m.
 */
public final class Pelt {

    private Pelt() {
    }

    /**
     * @param x          the series
     * @param penalty    the cost of one more change point
     * @param minSegment the fewest values a segment may have, at least 1
     * @return the change points as counts: {@code k} means a change after the k-th value
     */
    public static List<Integer> changePoints(double[] x, double penalty, int minSegment) {
        int n = x.length;
        if (minSegment < 1) {
            throw new IllegalArgumentException("minimum segment length must be at least 1, not " + minSegment);
        }
        if (n < 2 * minSegment) {
            return List.of();
        }
        SegmentCost cost = new SegmentCost(x);
        double[] best = new double[n + 1];
        int[] previous = new int[n + 1];
        int[] leavesAt = new int[n + 1];
        Arrays.fill(best, Double.POSITIVE_INFINITY);
        Arrays.fill(leavesAt, Integer.MAX_VALUE);
        best[0] = -penalty;
        List<Integer> candidates = new ArrayList<>(List.of(0));

        for (int t = minSegment; t <= n; t++) {
            for (int s : candidates) {
                if (t - s >= minSegment && leavesAt[s] > t) {
                    double total = best[s] + cost.of(s, t) + penalty;
                    if (total < best[t]) {
                        best[t] = total;
                        previous[t] = s;
                    }
                }
            }
            for (int s : candidates) {
                if (t - s >= minSegment && leavesAt[s] == Integer.MAX_VALUE
                        && best[s] + cost.of(s, t) > best[t] + tolerance(best[t])) {
                    leavesAt[s] = t + minSegment;
                }
            }
            final int now = t;
            candidates.removeIf(s -> leavesAt[s] <= now);
            if (t + minSegment <= n) {
                candidates.add(t);
            }
        }
        List<Integer> changes = new ArrayList<>();
        for (int end = previous[n]; end > 0; end = previous[end]) {
            changes.add(end);
        }
        Collections.reverse(changes);
        return changes;
    }

    /** The penalised cost of the optimal partition; for comparing against other algorithms. */
    public static double totalCost(double[] x, double penalty, List<Integer> changes) {
        SegmentCost cost = new SegmentCost(x);
        double total = 0;
        int start = 0;
        List<Integer> ends = new ArrayList<>(changes);
        ends.add(x.length);
        for (int end : ends) {
            total += cost.of(start, end);
            start = end;
        }
        return total + penalty * changes.size();
    }

    /** Pruning must not drop a candidate over rounding: keep it unless it is worse by more than noise. */
    private static double tolerance(double value) {
        return 1e-9 * (1 + Math.abs(value));
    }

    /** Costs of segments from prefix sums, so each is O(1). */
    static final class SegmentCost {
        private final double[] sum;
        private final double[] sumOfSquares;

        SegmentCost(double[] x) {
            sum = new double[x.length + 1];
            sumOfSquares = new double[x.length + 1];
            for (int i = 0; i < x.length; i++) {
                sum[i + 1] = sum[i] + x[i];
                sumOfSquares[i + 1] = sumOfSquares[i] + x[i] * x[i];
            }
        }

        /** The cost of the values after index {@code a} up to and including index {@code b} (1-based counts). */
        double of(int a, int b) {
            double s = sum[b] - sum[a];
            return sumOfSquares[b] - sumOfSquares[a] - s * s / (b - a);
        }
    }
}
