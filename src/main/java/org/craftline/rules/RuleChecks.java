package org.craftline.rules;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import org.craftline.problem.ApiException;
import org.craftline.problem.Problem.FieldError;

/**
 * What a rule set must be beyond its JSON shape, each failure named by its path
 * ({@code rules[2].when.url}). Patterns are RE2 (re2j): matching takes time linear in the text,
 * whatever the pattern, but linear in the pattern's compiled size too, and {@code (a{1000}){1000}}
 * compiles to a million instructions. So a pattern's size is bounded before it is compiled (its
 * counted repetitions) and after ({@link #MAX_PROGRAM}), and a rule looks at most at the first
 * {@link RuleBook#MAX_TEXT} characters of a field.
 */
final class RuleChecks {

    static final int MAX_PATTERN_LENGTH = 500;
    /** re2j's instructions per pattern: a plain pattern of 500 characters needs far fewer. */
    static final int MAX_PROGRAM = 5_000;
    /** The most that counted repetitions ({@code {n}}, {@code {n,m}}), multiplied together, may repeat. */
    static final int MAX_REPEAT_PRODUCT = 1_000;
    private static final java.util.regex.Pattern COUNTED = java.util.regex.Pattern.compile(
            "(?<!\\\\)\\{(\\d{1,9})(?:,(\\d{0,9}))?}");

    private RuleChecks() {
    }

    /** The rules compiled, or 422 naming every rule that is wrong. */
    static RuleBook compiled(RuleSet set) {
        List<FieldError> errors = new ArrayList<>();
        List<RuleBook.Compiled> compiled = new ArrayList<>();
        for (int index = 0; index < set.rules().size(); index++) {
            Rule rule = set.rules().get(index);
            String path = "rules[" + index + "]";
            List<RuleBook.Condition> conditions = conditions(rule, path, errors);
            outcome(rule, path, errors);
            compiled.add(new RuleBook.Compiled(rule, conditions));
        }
        if (!errors.isEmpty()) {
            throw ApiException.unprocessable(errors);
        }
        return new RuleBook(compiled);
    }

    private static List<RuleBook.Condition> conditions(Rule rule, String path, List<FieldError> errors) {
        if (rule.when().isEmpty()) {
            errors.add(new FieldError(path + ".when", "must name at least one field: " + RuleField.keys()));
        }
        List<RuleBook.Condition> conditions = new ArrayList<>();
        for (Map.Entry<String, String> entry : rule.when().entrySet()) {
            String where = path + ".when." + entry.getKey();
            var field = RuleField.named(entry.getKey());
            if (field.isEmpty()) {
                errors.add(new FieldError(where, "is not a field rules match on; they match on " + RuleField.keys()));
                continue;
            }
            String problem = patternProblem(entry.getValue());
            if (problem != null) {
                errors.add(new FieldError(where, problem));
                continue;
            }
            try {
                Pattern pattern = Pattern.compile(entry.getValue(), rule.isCaseSensitive() ? 0 : Pattern.CASE_INSENSITIVE);
                if (pattern.programSize() > MAX_PROGRAM) {
                    errors.add(new FieldError(where, "is too large once compiled (" + pattern.programSize()
                            + " instructions, at most " + MAX_PROGRAM + "); write it more simply"));
                    continue;
                }
                conditions.add(new RuleBook.Condition(field.get(), pattern));
            } catch (PatternSyntaxException e) {
                errors.add(new FieldError(where, "is not a valid RE2 pattern: " + e.getDescription()));
            }
        }
        return conditions;
    }

    /** Why the pattern may not be compiled, or null. */
    private static String patternProblem(String pattern) {
        if (pattern == null || pattern.isEmpty()) {
            return "must be a pattern, such as \"ZBrush|Blender\"";
        }
        if (pattern.length() > MAX_PATTERN_LENGTH) {
            return "must be at most " + MAX_PATTERN_LENGTH + " characters long";
        }
        long product = 1;
        Matcher counted = COUNTED.matcher(pattern);
        while (counted.find()) {
            String upper = counted.group(2);
            long most = upper == null ? Long.parseLong(counted.group(1))
                    : upper.isEmpty() ? Long.parseLong(counted.group(1)) + 1 : Long.parseLong(upper);
            product *= Math.max(1, most);
            if (product > MAX_REPEAT_PRODUCT) {
                return "repeats too much: its counted repetitions ({n} or {n,m}) multiplied together may be at most "
                        + MAX_REPEAT_PRODUCT;
            }
        }
        return null;
    }

    private static void outcome(Rule rule, String path, List<FieldError> errors) {
        if (rule.ignores()) {
            if (rule.activity() != null || rule.mode() != null || rule.tool() != null || rule.discretion() != null
                    || rule.mediation() != null) {
                errors.add(new FieldError(path, "ignores the time it matches, so it takes no activity, mode, tool, "
                        + "discretion or mediation"));
            }
            return;
        }
        if (rule.activity() == null || rule.activity().isBlank()) {
            errors.add(new FieldError(path + ".activity", "is required unless the rule has \"ignore\": true"));
        }
        if (rule.mode() == null) {
            errors.add(new FieldError(path + ".mode", "is required unless the rule has \"ignore\": true: CRAFT or EXECUTION"));
        }
    }
}
