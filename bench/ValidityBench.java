import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.craftline.report.stats.AdjustedMannKendall;
import org.craftline.report.stats.MannKendall;
import org.craftline.report.stats.TheilSen;

/**
 * How sure a verdict is (issue 21): on simulated weekly craft shares (a level of 60 points, SD 8,
 * stationary AR(1) noise), how often plain Mann-Kendall and the report's adjusted test
 * ({@link AdjustedMannKendall}) reject at alpha 0.05: with no trend (false alarms), with a steady
 * fall of 0.1 SD a week (power), and with a step of 4 SD in mid-range (what serial-correlation
 * corrections give up). Seeded per cell, so every run prints the same table. Writes it to
 * bench/results/validity.md. Not part of `mvn -B verify`.
 */
public class ValidityBench {

    static final int SERIES = Integer.getInteger("series", 2000);
    static final double SD = 8;

    record Change(String name, double slopeInSds, double stepInSds) {
    }

    public static void main(String[] args) throws Exception {
        List<Change> changes = List.of(new Change("none", 0, 0), new Change("fall of 0.1 SD a week", -0.1, 0),
                new Change("step of 4 SD at mid-range", 0, -4));
        StringBuilder table = new StringBuilder();
        table.append("# How sure a verdict is\n\n").append(LocalDate.now()).append("; ").append(SERIES)
                .append(" simulated series a cell; weekly shares of 60 points, SD 8, AR(1) noise; rejections at alpha 0.05 ")
                .append("(with no change they are false alarms). Adjusted: `").append(AdjustedMannKendall.METHOD)
                .append("`.\n\n| change | weeks | lag-1 correlation | plain Mann-Kendall | adjusted |\n")
                .append("| --- | --- | --- | --- | --- |\n");
        for (Change change : changes) {
            for (int n : new int[] {12, 26, 52}) {
                for (double correlation : new double[] {0, 0.3, 0.5, 0.7}) {
                    double[] rates = rejections(change, n, correlation);
                    table.append(String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f%% | %.1f%% |%n", change.name(), n,
                            correlation, 100 * rates[0], 100 * rates[1]));
                }
            }
        }
        table.append("\nReproduce: `mvn -B -DskipTests package && bench/validity-bench.sh`\n");
        System.out.print(table);
        Files.createDirectories(Path.of("bench", "results"));
        Files.writeString(Path.of("bench", "results", "validity.md"), table, StandardCharsets.UTF_8);
    }

    /** The share of series each test rejects: plain, then adjusted. */
    static double[] rejections(Change change, int n, double correlation) {
        Random random = new Random(1_000_003L * n + Math.round(correlation * 1000) + Math.round(change.slopeInSds() * 1e6)
                + Math.round(change.stepInSds() * 1e4));
        int plain = 0;
        int adjusted = 0;
        for (int s = 0; s < SERIES; s++) {
            double[] x = weeks(random, n, correlation, change);
            MannKendall.Result test = MannKendall.test(x);
            if (test.pValue() < 0.05) {
                plain++;
            }
            if (AdjustedMannKendall.test(x, test, TheilSen.estimate(x, test.varS()).slope()).pValue() < 0.05) {
                adjusted++;
            }
        }
        return new double[] {(double) plain / SERIES, (double) adjusted / SERIES};
    }

    static double[] weeks(Random random, int n, double correlation, Change change) {
        double[] x = new double[n];
        double noise = random.nextGaussian();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                noise = correlation * noise + Math.sqrt(1 - correlation * correlation) * random.nextGaussian();
            }
            x[i] = 60 + SD * noise + change.slopeInSds() * SD * i + (i >= n / 2 ? change.stepInSds() * SD : 0);
        }
        return x;
    }
}
