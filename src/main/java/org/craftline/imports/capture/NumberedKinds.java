package org.craftline.imports.capture;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.craftline.rules.Rule;
import org.craftline.rules.RuleBook;
import org.craftline.rules.RuleField;

/**
 * Kinds numbered once each and classified once each, the first time a span of them is classified:
 * a year of captured time repeats the same few thousand kinds hundreds of thousands of times. A
 * source says what its kind is ({@code K}, a record of text numbers) and what a rule sees of it.
 */
public abstract class NumberedKinds<K> implements Kinds {

    private final RuleBook rules;
    private final Map<K, Integer> numbers = new HashMap<>();
    private final List<K> keys = new ArrayList<>();
    private final List<Optional<Rule>> classified = new ArrayList<>();

    protected NumberedKinds(RuleBook rules) {
        this.rules = rules;
    }

    /** The number of {@code kind}, given on its first sight. */
    protected int number(K kind) {
        return numbers.computeIfAbsent(kind, added -> {
            keys.add(added);
            classified.add(null);
            return keys.size() - 1;
        });
    }

    protected K kind(int what) {
        return keys.get(what);
    }

    /** What a rule sees of {@code kind}: each field it has, with its text. */
    protected abstract void fields(K kind, Map<RuleField, String> record);

    @Override
    public Optional<Rule> rule(int what) {
        Optional<Rule> rule = classified.get(what);
        if (rule == null) {
            Map<RuleField, String> record = new EnumMap<>(RuleField.class);
            fields(keys.get(what), record);
            rule = rules.classify(record);
            classified.set(what, rule);
        }
        return rule;
    }

    /** Puts {@code text}'s words under {@code field}, unless it is {@link Texts#NONE}. */
    protected static void put(Map<RuleField, String> record, RuleField field, Texts texts, int text) {
        if (text != Texts.NONE) {
            record.put(field, texts.text(text));
        }
    }
}
