package org.craftline.report.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * What is left of a share series once the change it shows is taken out: the noise whose serial
 * correlation the adjusted trend test allows for.
 *
 * <p>Usually that is the series less its Theil-Sen line. But most real deskilling is a step (a
 * tool adopted one week, the work different from then on), and a step left in the residuals of a
 * line looks like weeks that lean hard on each other: the correction would then widen the
 * variance so much that the clearest shift in the data reads as no trend at all. So the shifts
 * {@link ShiftDetector} finds are kept only while they are at least {@value #SHIFT_IN_SDS} times
 * the noise around the segment means (the smallest is merged away until all remaining ones are),
 * and where any remain and the steps fit the series better than the line does (by BIC: a steady
 * fall cut into levels would leave each level's own slope in its residuals), the residuals are
 * taken around those means instead of the line. Smaller
 * shifts are not trusted: AR(1) noise wanders, and reading its wanders as steps would shrink the
 * very correlation the test must allow for (with the threshold at 3 the false-alarm targets hold:
 * bench/results/validity.md). Merging rather than giving up at the first small shift keeps a
 * half-way week between two levels (an adoption in mid-week) from hiding the step it belongs to.
 */
final class NoiseResiduals {

    static final double SHIFT_IN_SDS = 3;

    private NoiseResiduals() {
    }

    static double[] of(double[] x, double senSlope) {
        List<Integer> cuts = new ArrayList<>(ShiftDetector.changePoints(x));
        // Merge away the smallest shift while it is under the threshold, judged against the noise
        // around the means that remain: a half-way week between two levels is not a level of its own.
        while (!cuts.isEmpty()) {
            double[] means = segmentMeans(x, cuts);
            double sd = Math.sqrt(sumOfSquares(aroundMeans(x, cuts, means)) / (x.length - means.length));
            int smallest = 0;
            for (int c = 1; c < cuts.size(); c++) {
                if (Math.abs(means[c + 1] - means[c]) < Math.abs(means[smallest + 1] - means[smallest])) {
                    smallest = c;
                }
            }
            if (Math.abs(means[smallest + 1] - means[smallest]) >= SHIFT_IN_SDS * sd) {
                double[] steps = aroundMeans(x, cuts, means);
                double[] line = aroundLine(x, senSlope);
                return bic(steps, 2 * means.length - 1) < bic(line, 2) ? steps : line;
            }
            cuts.remove(smallest);
        }
        return aroundLine(x, senSlope);
    }

    /**
     * The Bayesian information criterion of a fit with these residuals and parameters (levels and
     * cut positions, or intercept and slope): lower fits better for its size.
     */
    private static double bic(double[] residuals, int parameters) {
        int n = residuals.length;
        double mean = 0;
        for (double residual : residuals) {
            mean += residual / n;
        }
        double squares = Double.MIN_NORMAL;
        for (double residual : residuals) {
            squares += (residual - mean) * (residual - mean);
        }
        return n * Math.log(squares / n) + parameters * Math.log(n);
    }

    private static double[] segmentMeans(double[] x, List<Integer> cuts) {
        double[] means = new double[cuts.size() + 1];
        for (int segment = 0; segment <= cuts.size(); segment++) {
            int from = segment == 0 ? 0 : cuts.get(segment - 1);
            int to = segment == cuts.size() ? x.length : cuts.get(segment);
            double sum = 0;
            for (int i = from; i < to; i++) {
                sum += x[i];
            }
            means[segment] = sum / (to - from);
        }
        return means;
    }

    private static double[] aroundMeans(double[] x, List<Integer> cuts, double[] means) {
        double[] residuals = new double[x.length];
        int segment = 0;
        for (int i = 0; i < x.length; i++) {
            while (segment < cuts.size() && i >= cuts.get(segment)) {
                segment++;
            }
            residuals[i] = x[i] - means[segment];
        }
        return residuals;
    }

    /** The series less its line through 0 with the given slope (a level left in is harmless to a correlation). */
    static double[] aroundLine(double[] x, double slope) {
        double[] residuals = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            residuals[i] = x[i] - slope * i;
        }
        return residuals;
    }

    private static double sumOfSquares(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value * value;
        }
        return sum;
    }
}
