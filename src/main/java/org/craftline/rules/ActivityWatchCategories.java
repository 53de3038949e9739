package org.craftline.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.craftline.problem.ApiException;
import org.craftline.step.Mode;

/**
 * A worker's ActivityWatch categories (the web UI's export, {@code {"categories": [{"name":
 * ["Work", "3D"], "rule": {"type": "regex", "regex": "Blender", "ignore_case": true}}]}}) as
 * Craftline rules, so that nobody types again what they already told ActivityWatch. ActivityWatch
 * searches a category's regex in the window's app and in its title, and the deepest matching
 * category wins; here each category becomes a rule on {@code app} and one on {@code title}, the
 * deepest categories first (the first rule that matches wins). A category's mode comes from
 * {@code modes}, by its own path ({@code "Work>3D"}) or its nearest parent's ({@code "Work"}); its
 * activity is its last name. Categories without a regex, without a mode, or whose regex RE2 cannot
 * read (a lookahead, a backreference) are listed as skipped, with why.
 */
public final class ActivityWatchCategories {

    /** The rules made, and each category left out with the reason. */
    public record Conversion(RuleSet rules, List<String> skipped) {
    }

    private record Category(List<String> name, String regex, boolean ignoreCase) {
        String path() {
            return String.join(">", name);
        }
    }

    private ActivityWatchCategories() {
    }

    public static Conversion toRules(JsonNode export, Map<String, Mode> modes) {
        JsonNode categories = export.path("categories");
        if (!categories.isArray()) {
            throw ApiException.unprocessable("categories", "must be ActivityWatch's list of categories, as its "
                    + "settings export them: {\"categories\": [{\"name\": [...], \"rule\": {...}}]}");
        }
        List<Category> read = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (int i = 0; i < categories.size(); i++) {
            JsonNode category = categories.get(i);
            List<String> name = new ArrayList<>();
            category.path("name").forEach(part -> name.add(part.asText()));
            if (name.isEmpty()) {
                throw ApiException.unprocessable("categories[" + i + "].name", "must be the category's path, such as "
                        + "[\"Work\", \"3D\"]");
            }
            JsonNode rule = category.path("rule");
            if (!"regex".equals(rule.path("type").asText()) || rule.path("regex").asText("").isEmpty()) {
                skipped.add(String.join(">", name) + ": it has no regex");
                continue;
            }
            read.add(new Category(List.copyOf(name), rule.path("regex").asText(), rule.path("ignore_case").asBoolean()));
        }
        read.sort(Comparator.comparingInt((Category category) -> category.name().size()).reversed());
        List<Rule> rules = new ArrayList<>();
        for (Category category : read) {
            Mode mode = modeOf(category.name(), modes);
            if (mode == null) {
                skipped.add(category.path() + ": no mode for it or a parent in modes");
                continue;
            }
            List<Rule> pair = List.of(rule(category, RuleField.APP, mode), rule(category, RuleField.TITLE, mode));
            try {
                RuleChecks.compiled(new RuleSet(pair));
                rules.addAll(pair);
            } catch (ApiException unreadable) {
                skipped.add(category.path() + ": RE2 cannot use its regex (" + unreadable.getMessage() + ")");
            }
        }
        return new Conversion(new RuleSet(rules), skipped);
    }

    private static Rule rule(Category category, RuleField field, Mode mode) {
        String activity = category.name().get(category.name().size() - 1).toLowerCase(Locale.ROOT);
        return new Rule(Map.of(field.key(), category.regex()), activity, mode, null, null, null, null,
                category.ignoreCase() ? null : true);
    }

    private static Mode modeOf(List<String> name, Map<String, Mode> modes) {
        for (int depth = name.size(); depth > 0; depth--) {
            Mode mode = modes.get(String.join(">", name.subList(0, depth)));
            if (mode != null) {
                return mode;
            }
        }
        return null;
    }
}
