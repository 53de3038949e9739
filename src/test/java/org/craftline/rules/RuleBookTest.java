package org.craftline.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.craftline.problem.ApiException;
import org.craftline.step.Mode;
import org.craftline.testing.NoDatabase;
import org.junit.jupiter.api.Test;

/** How a worker's rules classify a tracker's record: the first whose every pattern is found wins. */
@NoDatabase
class RuleBookTest {

    private static Rule rule(Map<String, String> when, String activity) {
        return new Rule(when, activity, Mode.CRAFT, null, null, null, null, null);
    }

    private static RuleBook book(Rule... rules) {
        return RuleBook.of(new RuleSet(List.of(rules)));
    }

    private static String activity(RuleBook book, Map<RuleField, String> record) {
        return book.classify(record).map(Rule::activity).orElse("unclassified");
    }

    @Test
    void theFirstRuleThatMatches_wins() {
        RuleBook book = book(rule(Map.of("app", "Blender"), "sculpt"), rule(Map.of("app", "."), "anything"));

        assertThat(activity(book, Map.of(RuleField.APP, "Blender 4.1"))).isEqualTo("sculpt");
        assertThat(activity(book, Map.of(RuleField.APP, "Photoshop"))).isEqualTo("anything");
    }

    @Test
    void aPatternIsASearch_caseBlindUnlessTheRuleSaysSo() {
        Rule blind = rule(Map.of("title", "zbrush"), "sculpt");
        Rule exact = new Rule(Map.of("title", "zbrush"), "sculpt", Mode.CRAFT, null, null, null, null, true);

        assertThat(activity(book(blind), Map.of(RuleField.TITLE, "head.ZPR - ZBrush 2023"))).isEqualTo("sculpt");
        assertThat(activity(book(exact), Map.of(RuleField.TITLE, "head.ZPR - ZBrush 2023"))).isEqualTo("unclassified");
        assertThat(activity(book(exact), Map.of(RuleField.TITLE, "zbrush"))).isEqualTo("sculpt");
    }

    @Test
    void everyPatternOfARule_mustBeFound_andAMissingFieldMatchesNothing() {
        RuleBook book = book(rule(Map.of("app", "firefox", "url", "midjourney\\.com"), "prompt"));

        assertThat(activity(book, Map.of(RuleField.APP, "Firefox", RuleField.URL, "https://www.midjourney.com/app")))
                .isEqualTo("prompt");
        assertThat(activity(book, Map.of(RuleField.APP, "Firefox", RuleField.URL, "https://example.org")))
                .isEqualTo("unclassified");
        assertThat(activity(book, Map.of(RuleField.APP, "Firefox"))).isEqualTo("unclassified");
    }

    @Test
    void onlyTheFirstCharactersOfALongField_areLookedAt() {
        RuleBook book = book(rule(Map.of("title", "needle"), "found"));
        String longTitle = "x".repeat(RuleBook.MAX_TEXT);

        assertThat(activity(book, Map.of(RuleField.TITLE, longTitle.substring(6) + "needle"))).isEqualTo("found");
        assertThat(activity(book, Map.of(RuleField.TITLE, longTitle + "needle"))).isEqualTo("unclassified");
    }

    @Test
    void aBacktrackingTrap_isAnOrdinaryPatternToRe2() {
        RuleBook book = book(rule(Map.of("title", "(a+)+$"), "trap"));

        assertThat(activity(book, Map.of(RuleField.TITLE, "a".repeat(RuleBook.MAX_TEXT - 1) + "!")))
                .isEqualTo("unclassified");
    }

    @Test
    void repetitionsThatMultiplyPastTheLimit_areRefusedBeforeCompiling() {
        assertThatThrownBy(() -> book(rule(Map.of("app", "((ab){10}){101}"), "x"))).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> book(rule(Map.of("app", "a{1001,}"), "x"))).isInstanceOf(ApiException.class);
        assertThat(activity(book(rule(Map.of("app", "^(ab){10}c{0,100}$"), "x")), Map.of(RuleField.APP, "ab".repeat(10))))
                .isEqualTo("x");
        assertThat(activity(book(rule(Map.of("app", "\\{1000}\\{1000}"), "braces")), Map.of(RuleField.APP, "{1000}{1000}")))
                .isEqualTo("braces");
    }
}
