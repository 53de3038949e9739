package org.craftline.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.craftline.testing.NoDatabase;
import org.junit.jupiter.api.Test;

@NoDatabase
class ETagsTest {

    @Test
    void tag_isTheQuotedVersion() {
        assertThat(ETags.of(7)).isEqualTo("\"v7\"");
    }

    @Test
    void matches_exactTagAnyOfAListOrStar() {
        assertThat(ETags.matches("\"v3\"", 3)).isTrue();
        assertThat(ETags.matches("\"v1\", \"v3\"", 3)).isTrue();
        assertThat(ETags.matches("*", 3)).isTrue();
    }

    @Test
    void doesNotMatch_otherVersionsUnquotedOrWeakTags() {
        assertThat(ETags.matches("\"v2\"", 3)).isFalse();
        assertThat(ETags.matches("v3", 3)).isFalse();
        assertThat(ETags.matches("W/\"v3\"", 3)).isFalse();
        assertThat(ETags.matches("\"v33\"", 3)).isFalse();
    }
}
