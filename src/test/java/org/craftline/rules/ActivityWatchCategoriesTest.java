package org.craftline.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.craftline.step.Mode;
import org.craftline.testing.NoDatabase;
import org.junit.jupiter.api.Test;

/** ActivityWatch's categories as rules, with ActivityWatch's meaning: app or title, the deepest category wins. */
@NoDatabase
class ActivityWatchCategoriesTest {

    static final String CATEGORIES = """
            {"categories": [
              {"id": 1, "name": ["Work"], "rule": {"type": "regex", "regex": "Google Docs|libreoffice"}},
              {"id": 2, "name": ["Work", "3D"], "rule": {"type": "regex", "regex": "Blender|ZBrush", "ignore_case": true}},
              {"id": 3, "name": ["Work", "Prompting"], "rule": {"type": "regex", "regex": "(?=Midjourney)Mid"}},
              {"id": 4, "name": ["Comms", "IM"], "rule": {"type": "regex", "regex": "Slack|Discord"}},
              {"id": 5, "name": ["Uncategorized"], "rule": {"type": "none"}}
            ]}""";

    private static ActivityWatchCategories.Conversion convert() throws Exception {
        return ActivityWatchCategories.toRules(new ObjectMapper().readTree(CATEGORIES),
                Map.of("Work", Mode.EXECUTION, "Work>3D", Mode.CRAFT));
    }

    private static String classify(RuleBook book, String app, String title) {
        return book.classify(Map.of(RuleField.APP, app, RuleField.TITLE, title))
                .map(rule -> rule.activity() + " " + rule.mode()).orElse("unclassified");
    }

    @Test
    void theDeepestCategory_wins_onTheAppOrTheTitle() throws Exception {
        RuleBook book = RuleBook.of(convert().rules());

        assertThat(classify(book, "blender", "rig.blend")).isEqualTo("3d CRAFT");
        assertThat(classify(book, "Google Chrome", "Blender manual - Google Docs")).isEqualTo("3d CRAFT");
        assertThat(classify(book, "Google Chrome", "Notes - Google Docs")).isEqualTo("work EXECUTION");
        assertThat(classify(book, "Slack", "general")).isEqualTo("unclassified");
    }

    @Test
    void aCategoryIsCaseSensitive_unlessItIgnoresCase_asInActivityWatch() throws Exception {
        RuleBook book = RuleBook.of(convert().rules());

        assertThat(classify(book, "LibreOffice Writer", "report.odt")).isEqualTo("unclassified");
        assertThat(classify(book, "libreoffice", "report.odt")).isEqualTo("work EXECUTION");
    }

    @Test
    void whatCannotBecomeARule_isListedWithWhy() throws Exception {
        List<String> skipped = convert().skipped();

        assertThat(skipped).hasSize(3);
        assertThat(skipped).anyMatch(line -> line.startsWith("Uncategorized: it has no regex"));
        assertThat(skipped).anyMatch(line -> line.startsWith("Comms>IM: no mode"));
        assertThat(skipped).anyMatch(line -> line.startsWith("Work>Prompting: RE2 cannot use its regex"));
    }
}
