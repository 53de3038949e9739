package org.craftline.imports.capture;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The texts of an export, each kept once: a year repeats the same apps, sites and many titles
 * thousands of times. Number 0 is "none" (an event without that field).
 */
public final class Texts {

    public static final int NONE = 0;

    private final Map<String, Integer> numbers = new HashMap<>();
    private final List<String> texts = new ArrayList<>(List.of(""));

    public int number(String text) {
        if (text == null) {
            return NONE;
        }
        return numbers.computeIfAbsent(text, added -> {
            texts.add(added);
            return texts.size() - 1;
        });
    }

    /** The text of {@code number}, or null for {@link #NONE}. */
    public String text(int number) {
        return number == NONE ? null : texts.get(number);
    }
}
