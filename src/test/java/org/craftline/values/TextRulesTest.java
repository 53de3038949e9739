package org.craftline.values;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.craftline.testing.NoDatabase;
import org.junit.jupiter.api.Test;

/** One rule for text: what input refuses is exactly what output drops. */
@NoDatabase
class TextRulesTest {

    @Test
    void refuses_controlsNonCharactersAndLoneSurrogates_only() {
        assertThat(TextRules.firstRefused("tab\tline\nreturn\r ok é 😀 \u0085")).isEqualTo(-1);
        assertThat(TextRules.firstRefused("a\u0001")).isEqualTo(1);
        assertThat(TextRules.firstRefused("ab\uFFFE")).isEqualTo(2);
        assertThat(TextRules.firstRefused("\uFFFF")).isZero();
        assertThat(TextRules.firstRefused("x\uD800y")).as("a lone high surrogate").isEqualTo(1);
        assertThat(TextRules.firstRefused("xy\uDC00")).as("a lone low surrogate").isEqualTo(2);
    }

    @Property(tries = 200)
    void xmlSafe_leavesExactlyWhatTheRuleAllows(@ForAll String text) {
        String safe = Text.xmlSafe(text);

        assertThat(TextRules.firstRefused(safe)).isEqualTo(-1);
        if (TextRules.isAllowed(text)) {
            assertThat(safe).isEqualTo(text);
        } else {
            assertThat(safe.length()).isLessThan(text.length());
        }
    }
}
