package org.craftline.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Places the chart's marker labels in rows so that none overlaps another and none runs off the
 * plot: each label reads rightwards from its marker, or leftwards when there is no room on the right,
 * and goes to the first row where it fits. Positions and widths are in pixels along the plot.
 */
final class LabelRows {

    /** Where one label goes: its row from the edge, and whether it reads leftwards from its marker. */
    record Place(int row, boolean leftwards) {
    }

    /** Pixels kept free between neighbouring labels in a row. */
    static final double GAP = 6;

    private LabelRows() {
    }

    /**
     * @param positions each marker's distance from the plot's left edge, in the labels' order
     * @param widths    each label's width
     * @param plotWidth the plot's width
     * @param rows      how many rows there are; when every row is taken, a label goes to the row
     *                  where it overlaps least
     */
    static List<Place> place(double[] positions, double[] widths, double plotWidth, int rows) {
        List<List<double[]>> taken = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            taken.add(new ArrayList<>());
        }
        List<Place> places = new ArrayList<>();
        for (int i = 0; i < positions.length; i++) {
            boolean leftwards = positions[i] + widths[i] > plotWidth && positions[i] - widths[i] >= 0;
            double from = leftwards ? positions[i] - widths[i] : Math.max(0, positions[i]);
            double[] span = {from - GAP / 2, from + widths[i] + GAP / 2};
            int best = 0;
            double bestOverlap = Double.MAX_VALUE;
            for (int r = 0; r < rows; r++) {
                double overlap = overlap(taken.get(r), span);
                if (overlap < bestOverlap) {
                    best = r;
                    bestOverlap = overlap;
                }
                if (overlap == 0) {
                    break;
                }
            }
            taken.get(best).add(span);
            places.add(new Place(best, leftwards));
        }
        return places;
    }

    private static double overlap(List<double[]> spans, double[] span) {
        double total = 0;
        for (double[] other : spans) {
            total += Math.max(0, Math.min(other[1], span[1]) - Math.max(other[0], span[0]));
        }
        return total;
    }
}
