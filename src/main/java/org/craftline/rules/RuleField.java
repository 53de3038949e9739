package org.craftline.rules;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a rule can look at: the fields a tracker records about a stretch of time. ActivityWatch
 * records the active window ({@code app}, {@code title}) and the browser tab ({@code url});
 * WakaTime records heartbeats ({@code category}, {@code project}, {@code language}, {@code entity},
 * the file or domain). The names are the API's, in lower case.
 */
public enum RuleField {
    APP,
    TITLE,
    URL,
    CATEGORY,
    PROJECT,
    LANGUAGE,
    ENTITY;

    /** The field's name in the API. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<RuleField> named(String key) {
        return Arrays.stream(values()).filter(field -> field.key().equals(key)).findFirst();
    }

    /** The names, for a message that says which are allowed. */
    static String keys() {
        return Arrays.stream(values()).map(RuleField::key).collect(Collectors.joining(", "));
    }
}
