import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.craftline.db.Dialect;
import org.craftline.report.stats.AdjustedMannKendall;
import org.craftline.report.stats.DetectableTrend;
import org.craftline.report.stats.MannKendall;
import org.craftline.report.stats.PublishedCorrections;
import org.craftline.report.stats.TheilSen;

/**
 * How sure a verdict is, on simulated weekly craft shares: a level of 60 points, SD 8,
 * stationary AR(1) noise. Two parts, both seeded, so every run prints the same tables:
 * <ol>
 *   <li>the trend tests themselves, 2,000 series a cell: how often plain Mann-Kendall, the two
 *       published corrections and the report's adjusted test reject at alpha 0.05, with no trend
 *       (false alarms), a steady fall of 0.1 SD a week (power) and a step of 4 SD in mid-range;</li>
 *   <li>the verdict's targets through the HTTP API of the real jar on a fresh H2 file: each series is
 *       a worker whose weeks are posted with {@code POST /api/tasks/batch} (one task a week, its
 *       craft minutes the share of 600), events with {@code POST /api/events}, and the verdict and
 *       event intervals read from {@code GET /api/reports/deskilling}.</li>
 * </ol>
 * Writes bench/results/validity.md. Not part of `./mvnw -B verify`.
 */
public class ValidityBench {

    static final int SERIES = Integer.getInteger("series", 2000);
    static final int API_SERIES = Integer.getInteger("apiSeries", 1000);
    static final double LEVEL = 60;
    static final double SD = 8;
    static final int WEEK_MINUTES = 600;
    static final LocalDate FIRST_MONDAY = LocalDate.parse("2024-01-01");
    static final String ADMIN_TOKEN = "validity-admin-token-0123456789abcdefghijklmnopqrstuvwxyz";
    static final ObjectMapper JSON = new ObjectMapper();

    record Change(String name, double slopeInSds, double stepInSds) {
    }

    /** A change in the level (in points) from some week on, with an event recorded on that week's Monday. */
    record Step(int week, double points) {
    }

    public static void main(String[] args) throws Exception {
        StringBuilder out = new StringBuilder("# How sure a verdict is\n\n").append(LocalDate.now(ZoneOffset.UTC))
                .append("; weekly shares of 60 points, SD 8, AR(1) noise with the lag-1 correlation shown; ")
                .append("alpha 0.05. Adjusted: `").append(AdjustedMannKendall.METHOD).append("`, the report's verdict.\n\n");
        out.append(apiTargets());
        out.append(testsCompared());
        out.append(detectable());
        out.append("\nReproduce: `./mvnw -B -DskipTests package && bench/validity-bench.sh` ")
                .append("(-Dseries=N, -DapiSeries=N for other sample sizes).\n");
        System.out.print(out);
        Files.createDirectories(Path.of("bench", "results"));
        Files.writeString(Path.of("bench", "results", "validity.md"), out, StandardCharsets.UTF_8);
    }

    // ---- Part 1: the tests on their own ----

    static String testsCompared() {
        List<Change> changes = List.of(new Change("none", 0, 0), new Change("fall of 0.1 SD a week", -0.1, 0),
                new Change("step of 4 SD at mid-range", 0, -4));
        StringBuilder table = new StringBuilder("\n## The tests compared\n\n").append(SERIES)
                .append(" series a cell, through the statistics classes. With no change a rejection is a false alarm.\n\n")
                .append("| change | weeks | lag-1 correlation | plain Mann-Kendall | Hamed-Rao (3 lags) | Yue-Wang (lag 1) | adjusted |\n")
                .append("| --- | --- | --- | --- | --- | --- | --- |\n");
        for (Change change : changes) {
            for (int n : new int[] {12, 26, 52}) {
                for (double correlation : new double[] {0, 0.3, 0.5, 0.7}) {
                    double[] rates = rejections(change, n, correlation);
                    table.append(String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f%% | %.1f%% | %.1f%% | %.1f%% |%n",
                            change.name(), n, correlation, 100 * rates[0], 100 * rates[1], 100 * rates[2],
                            100 * rates[3]));
                }
            }
        }
        return table.toString();
    }

    /** The share of series each test rejects: plain, Hamed-Rao, Yue-Wang, adjusted. */
    static double[] rejections(Change change, int n, double correlation) {
        Random random = new Random(1_000_003L * n + Math.round(correlation * 1000) + Math.round(change.slopeInSds() * 1e6)
                + Math.round(change.stepInSds() * 1e4));
        int[] rejected = new int[4];
        for (int s = 0; s < SERIES; s++) {
            double[] noise = noise(random, n, correlation);
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = LEVEL + SD * (noise[i] + change.slopeInSds() * i + (i >= n / 2 ? change.stepInSds() : 0));
            }
            MannKendall.Result plain = MannKendall.test(x);
            double slope = TheilSen.estimate(x, plain.varS()).slope();
            double[] p = {plain.pValue(), PublishedCorrections.hamedRao(x, plain, slope, 3).pValue(),
                    PublishedCorrections.yueWang(x, plain, slope, 1).pValue(),
                    AdjustedMannKendall.test(x, plain, slope).pValue()};
            for (int t = 0; t < p.length; t++) {
                rejected[t] += p[t] < 0.05 ? 1 : 0;
            }
        }
        double[] rates = new double[rejected.length];
        for (int t = 0; t < rates.length; t++) {
            rates[t] = (double) rejected[t] / SERIES;
        }
        return rates;
    }

    /** Stationary AR(1) noise with SD 1. */
    static double[] noise(Random random, int n, double correlation) {
        double[] e = new double[n];
        e[0] = random.nextGaussian();
        for (int i = 1; i < n; i++) {
            e[i] = correlation * e[i - 1] + Math.sqrt(1 - correlation * correlation) * random.nextGaussian();
        }
        return e;
    }

    static String detectable() {
        StringBuilder table = new StringBuilder("\n## What a series can detect\n\n")
                .append("`trend.detectable`: the smallest steady change per week the adjusted test calls with power 0.8, ")
                .append("in noise SDs (the targets for independent weeks: 0.66 / 0.285 / 0.179 / 0.080 / 0.027, within 10%).\n\n")
                .append("| weeks | independent | lag-1 correlation 0.5 |\n| --- | --- | --- |\n");
        for (int n : new int[] {8, 12, 16, 26, 52}) {
            table.append(String.format(Locale.ROOT, "| %d | %.3f | %.3f |%n", n,
                    DetectableTrend.of(n, 1, 0).slopePerPeriod(), DetectableTrend.of(n, 1, 0.5).slopePerPeriod()));
        }
        return table.toString();
    }

    // ---- Part 2: the targets, through the API ----

    record Target(String what, String goal, Predicate<Double> met, double measured) {
    }

    static String apiTargets() throws Exception {
        Path work = Files.createTempDirectory("craftline-validity");
        int port = Integer.getInteger("port", 18780);
        String url = Dialect.h2FileUrl(work.resolve("craftline"));
        Map<String, String> env = BenchServer.env(url, "craftline", "", ADMIN_TOKEN, work, port);
        BenchServer.run(env, work.resolve("migrate.log"), "db", "migrate", "config.yml");
        Process server = BenchServer.start(env, work.resolve("server.log"));
        List<Target> targets = new ArrayList<>();
        long started = System.nanoTime();
        try {
            BenchServer.waitHealthy("http://127.0.0.1:" + (port + 1) + "/healthcheck", server);
            Api api = new Api("http://127.0.0.1:" + port);
            targets.add(new Target("no trend, 26 weeks, lag-1 0.5: a verdict other than NO_CLEAR_TREND", "<= 10%",
                    rate -> rate <= 0.10, api.verdicts(26, 0.5, 0, v -> !v.equals("NO_CLEAR_TREND"))));
            targets.add(new Target("no trend, 52 weeks, lag-1 0.5: a verdict other than NO_CLEAR_TREND", "<= 7%",
                    rate -> rate <= 0.07, api.verdicts(52, 0.5, 0, v -> !v.equals("NO_CLEAR_TREND"))));
            targets.add(new Target("no trend, 26 independent weeks: a verdict other than NO_CLEAR_TREND", "<= 6%",
                    rate -> rate <= 0.06, api.verdicts(26, 0, 0, v -> !v.equals("NO_CLEAR_TREND"))));
            targets.add(new Target("fall of 0.1 SD a week, 26 independent weeks: DESKILLING", ">= 75%",
                    rate -> rate >= 0.75, api.verdicts(26, 0, -0.1, v -> v.equals("DESKILLING"))));
            targets.add(new Target("fall of 0.1 SD a week, 26 weeks, lag-1 0.5: DESKILLING", ">= 50%",
                    rate -> rate >= 0.50, api.verdicts(26, 0.5, -0.1, v -> v.equals("DESKILLING"))));
            double[] one = api.coverage(26, List.of(new Step(13, -15)));
            targets.add(new Target("one event, 15-point step, 26 weeks, lag-1 0.5: interval covers the step", ">= 90%",
                    rate -> rate >= 0.90, one[0]));
            double[] two = api.coverage(30, List.of(new Step(10, -10), new Step(20, -10)));
            targets.add(new Target("two events 10 weeks apart, 10-point steps, 30 weeks, lag-1 0.5: first interval covers its step",
                    ">= 92%", rate -> rate >= 0.92, two[0]));
            targets.add(new Target("the same: second interval covers its step", ">= 92%", rate -> rate >= 0.92, two[1]));
        } finally {
            server.destroy();
            server.waitFor(20, TimeUnit.SECONDS);
        }
        StringBuilder table = new StringBuilder("## The targets, through the HTTP API\n\n").append(API_SERIES)
                .append(" workers a row, each a simulated series posted to the real jar (H2 file) and its report read back; ")
                .append(String.format(Locale.ROOT, "%.0f s in all.%n%n", (System.nanoTime() - started) / 1e9))
                .append("| series | measured | target | met |\n| --- | --- | --- | --- |\n");
        for (Target target : targets) {
            table.append(String.format(Locale.ROOT, "| %s | %.1f%% | %s | %s |%n", target.what(), 100 * target.measured(),
                    target.goal(), BenchServer.met(target.met().test(target.measured()))));
        }
        return table.toString();
    }

    /** Workers, their weeks and events, and their reports, over HTTP. */
    static final class Api {

        private final String base;
        private int workers;

        Api(String base) {
            this.base = base;
        }

        /** The share of series whose verdict passes {@code counted}. */
        double verdicts(int weeks, double correlation, double slopeInSds, Predicate<String> counted) throws Exception {
            Random random = new Random(7_000_003L * weeks + Math.round(correlation * 1000) + Math.round(slopeInSds * 1e6));
            int hits = 0;
            for (int s = 0; s < API_SERIES; s++) {
                double[] noise = noise(random, weeks, correlation);
                double[] points = new double[weeks];
                for (int i = 0; i < weeks; i++) {
                    points[i] = LEVEL + SD * (noise[i] + slopeInSds * i);
                }
                JsonNode report = report(seed(points, List.of()), weeks);
                hits += counted.test(report.path("trend").path("verdict").asText()) ? 1 : 0;
            }
            return (double) hits / API_SERIES;
        }

        /** For each step, the share of series whose event interval covers it (lag-1 correlation 0.5). */
        double[] coverage(int weeks, List<Step> steps) throws Exception {
            Random random = new Random(9_000_011L * weeks + steps.size());
            int[] covered = new int[steps.size()];
            for (int s = 0; s < API_SERIES; s++) {
                double[] noise = noise(random, weeks, 0.5);
                double[] points = new double[weeks];
                for (int i = 0; i < weeks; i++) {
                    points[i] = LEVEL + SD * noise[i];
                    for (Step step : steps) {
                        points[i] += i >= step.week() ? step.points() : 0;
                    }
                }
                JsonNode events = report(seed(points, steps), weeks).path("events");
                if (events.size() != steps.size()) {
                    throw new IllegalStateException("expected " + steps.size() + " events, got " + events);
                }
                for (int e = 0; e < steps.size(); e++) {
                    JsonNode event = events.get(e);
                    double truth = steps.get(e).points() / 100;
                    if (!event.path("ciLow").isNull() && event.path("ciLow").asDouble() <= truth
                            && truth <= event.path("ciHigh").asDouble()) {
                        covered[e]++;
                    }
                }
            }
            double[] rates = new double[steps.size()];
            for (int e = 0; e < rates.length; e++) {
                rates[e] = (double) covered[e] / API_SERIES;
            }
            return rates;
        }

        /** A new worker with one task a week, its shares the points given (as craft minutes of 600), and the events. */
        private String seed(double[] points, List<Step> steps) throws Exception {
            workers++;
            String handle = "sim" + workers;
            BenchServer.expect(201, BenchServer.send(base + "/api/workers", ADMIN_TOKEN,
                    "{\"handle\":\"" + handle + "\",\"displayName\":\"Simulated " + workers + "\"}"));
            StringBuilder batch = new StringBuilder("{\"tasks\":[");
            for (int i = 0; i < points.length; i++) {
                int craft = (int) Math.round(Math.max(1, Math.min(WEEK_MINUTES - 1, points[i] / 100 * WEEK_MINUTES)));
                batch.append(i == 0 ? "" : ",").append("{\"worker\":\"").append(handle).append("\",\"date\":\"")
                        .append(FIRST_MONDAY.plusWeeks(i)).append("\",\"title\":\"Week ").append(i)
                        .append("\",\"steps\":[{\"activity\":\"design\",\"minutes\":").append(craft)
                        .append(",\"mode\":\"CRAFT\"},{\"activity\":\"production\",\"minutes\":")
                        .append(WEEK_MINUTES - craft).append(",\"mode\":\"EXECUTION\"}]}");
            }
            BenchServer.expect(201, BenchServer.send(base + "/api/tasks/batch", ADMIN_TOKEN, batch.append("]}").toString()));
            for (Step step : steps) {
                BenchServer.expect(201, BenchServer.send(base + "/api/events", ADMIN_TOKEN, "{\"worker\":\"" + handle
                        + "\",\"date\":\"" + FIRST_MONDAY.plusWeeks(step.week()) + "\",\"label\":\"step at week "
                        + step.week() + "\"}"));
            }
            return handle;
        }

        private JsonNode report(String handle, int weeks) throws Exception {
            var response = BenchServer.send(base + "/api/reports/deskilling?worker=" + handle + "&from=" + FIRST_MONDAY
                    + "&to=" + FIRST_MONDAY.plusWeeks(weeks).minusDays(1) + "&bucket=week", ADMIN_TOKEN, null);
            BenchServer.expect(200, response);
            return JSON.readTree(response.body());
        }
    }
}
