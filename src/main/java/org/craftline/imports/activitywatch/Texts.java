package org.craftline.imports.activitywatch;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The texts of an export, each kept once: a year repeats the same apps, sites and many titles
 * thousands of times. Number 0 is "none" (an event without that field).
 */
final class Texts {

    static final int NONE = 0;

    private final Map<String, Integer> numbers = new HashMap<>();
    private final List<String> texts = new ArrayList<>(List.of(""));

    int number(String text) {
        if (text == null) {
            return NONE;
        }
        return numbers.computeIfAbsent(text, added -> {
            texts.add(added);
            return texts.size() - 1;
        });
    }

    /** The text of {@code number}, or null for {@link #NONE}. */
    String text(int number) {
        return number == NONE ? null : texts.get(number);
    }
}
