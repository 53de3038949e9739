import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.craftline.rules.Rule;
import org.craftline.rules.RuleBook;
import org.craftline.rules.RuleField;
import org.craftline.rules.RuleSet;
import org.craftline.step.Mode;

/**
 * What a worker's pattern may cost: a rule with the backtracking trap {@code (a+)+$} against a plain
 * one, both matched (and failing to match) against window titles of 1,000 characters built to trap
 * it, through the rules the imports use (RE2, re2j): linear time, so a constant factor at most.
 * Prints a table and writes bench/results/rules.md. Not part of `./mvnw -B verify`.
 */
public class RuleBench {

    static final int ROUNDS = 7;
    static final int PER_ROUND = 2_000;

    public static void main(String[] args) throws Exception {
        String trapTitle = "a".repeat(RuleBook.MAX_TEXT - 1) + "!";
        Map<RuleField, String> record = Map.of(RuleField.APP, "Blender", RuleField.TITLE, trapTitle);
        double plain = nanosPerMatch(book("ZBrush"), record);
        double trap = nanosPerMatch(book("(a+)+$"), record);
        double alternation = nanosPerMatch(book("(a|a)+$"), record);
        StringBuilder out = new StringBuilder("# What a rule's pattern costs\n\n").append(LocalDate.now(ZoneOffset.UTC))
                .append("; a title of ").append(trapTitle.length()).append(" characters, `a` repeated and then `!`; ")
                .append("median of ").append(ROUNDS).append(" rounds of ").append(PER_ROUND).append(" matches; ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores, Java ")
                .append(System.getProperty("java.version")).append(".\n\n")
                .append("| pattern on the title | per match | baseline (same run) | ratio | target | met |\n")
                .append("| --- | --- | --- | --- | --- | --- |\n")
                .append(row("`ZBrush` (plain)", plain, "baseline", "", "", ""))
                .append(row("`(a+)+$` (the trap), re2j", trap, "plain", String.format(Locale.ROOT, "%.2fx", trap / plain),
                        "<= 3x plain", trap <= 3 * plain ? "yes" : "**no**"))
                .append(row("`(a\\|a)+$` (another), re2j", alternation, "plain",
                        String.format(Locale.ROOT, "%.2fx", alternation / plain), "<= 3x plain",
                        alternation <= 3 * plain ? "yes" : "**no**"));
        out.append("\nReproduce: `./mvnw -B -DskipTests package && bench/rules-bench.sh`\n");
        System.out.print(out);
        Files.writeString(Path.of("bench/results/rules.md"), out, StandardCharsets.UTF_8);
    }

    static RuleBook book(String titlePattern) {
        return RuleBook.of(new RuleSet(List.of(
                new Rule(Map.of("title", titlePattern), "sculpt", Mode.CRAFT, null, null, null, null, null))));
    }

    static double nanosPerMatch(RuleBook book, Map<RuleField, String> record) {
        double[] rounds = new double[ROUNDS];
        for (int round = -2; round < ROUNDS; round++) {
            long start = System.nanoTime();
            int matched = 0;
            for (int i = 0; i < PER_ROUND; i++) {
                matched += book.classify(record).isPresent() ? 1 : 0;
            }
            if (matched != 0) {
                throw new IllegalStateException("the title was built to match neither pattern");
            }
            if (round >= 0) {
                rounds[round] = (System.nanoTime() - start) / (double) PER_ROUND;
            }
        }
        Arrays.sort(rounds);
        return rounds[ROUNDS / 2];
    }

    static String row(String what, double nanos, String baseline, String ratio, String target, String met) {
        String value = nanos >= 1_000_000 ? String.format(Locale.ROOT, "%.1f ms", nanos / 1e6)
                : String.format(Locale.ROOT, "%.1f µs", nanos / 1e3);
        return "| " + what + " | " + value + " | " + baseline + " | " + ratio + " | " + target + " | " + met + " |\n";
    }
}
