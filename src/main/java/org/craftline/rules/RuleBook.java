package org.craftline.rules;

import com.google.re2j.Pattern;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A worker's rules compiled ({@link RuleChecks}), ready to classify what a tracker recorded: the
 * first rule whose every pattern is found in its field wins. A field the record lacks matches no
 * pattern; nothing matching leaves the time unclassified, which the imports report and never count
 * as CRAFT or EXECUTION.
 */
public final class RuleBook {

    /** A rule looks at most at this many characters of a field (a window title can run to kilobytes). */
    public static final int MAX_TEXT = 1_000;

    record Condition(RuleField field, Pattern pattern) {
        boolean holdsFor(Map<RuleField, String> record) {
            String value = record.get(field);
            return value != null && pattern.matcher(value.length() > MAX_TEXT ? value.substring(0, MAX_TEXT) : value)
                    .find();
        }
    }

    record Compiled(Rule rule, List<Condition> conditions) {
        boolean matches(Map<RuleField, String> record) {
            return conditions.stream().allMatch(condition -> condition.holdsFor(record));
        }
    }

    private final List<Compiled> rules;

    RuleBook(List<Compiled> rules) {
        this.rules = List.copyOf(rules);
    }

    /** The rules of {@code set}, or 422 naming each that is wrong. */
    public static RuleBook of(RuleSet set) {
        return RuleChecks.compiled(set);
    }

    /** The first rule that matches {@code record} (field to text), or empty: unclassified. */
    public Optional<Rule> classify(Map<RuleField, String> record) {
        return rules.stream().filter(rule -> rule.matches(record)).map(Compiled::rule).findFirst();
    }
}
