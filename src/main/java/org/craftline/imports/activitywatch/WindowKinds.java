package org.craftline.imports.activitywatch;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.craftline.imports.capture.Kinds;
import org.craftline.imports.capture.Texts;
import org.craftline.rules.Rule;
import org.craftline.rules.RuleBook;
import org.craftline.rules.RuleField;

/**
 * The distinct (app, title, url) of an export's focused time, each numbered once and classified
 * once: a year repeats the same few thousand of them hundreds of thousands of times.
 */
final class WindowKinds implements Kinds {

    private record Key(int app, int title, int url) {
    }

    private final RuleBook rules;
    private final Texts texts;
    private final Map<Key, Integer> numbers = new HashMap<>();
    private final List<Key> keys = new ArrayList<>();
    private final List<Optional<Rule>> classified = new ArrayList<>();

    WindowKinds(RuleBook rules, Texts texts) {
        this.rules = rules;
        this.texts = texts;
    }

    int number(Timeline.Stretch stretch) {
        return numbers.computeIfAbsent(new Key(stretch.app(), stretch.title(), stretch.url()), key -> {
            keys.add(key);
            classified.add(null);
            return keys.size() - 1;
        });
    }

    @Override
    public Optional<Rule> rule(int what) {
        Optional<Rule> rule = classified.get(what);
        if (rule == null) {
            Key key = keys.get(what);
            Map<RuleField, String> record = new EnumMap<>(RuleField.class);
            put(record, RuleField.APP, key.app());
            put(record, RuleField.TITLE, key.title());
            put(record, RuleField.URL, key.url());
            rule = rules.classify(record);
            classified.set(what, rule);
        }
        return rule;
    }

    @Override
    public Map<String, String> describe(int what) {
        Key key = keys.get(what);
        Map<String, String> values = new LinkedHashMap<>();
        if (key.app() != Texts.NONE) {
            values.put(RuleField.APP.key(), texts.text(key.app()));
        }
        // A tab's url says where better than its title; a window without one has only its title.
        if (key.url() != Texts.NONE) {
            values.put(RuleField.URL.key(), texts.text(key.url()));
        } else if (key.title() != Texts.NONE) {
            values.put(RuleField.TITLE.key(), texts.text(key.title()));
        }
        return values;
    }

    private void put(Map<RuleField, String> record, RuleField field, int text) {
        if (text != Texts.NONE) {
            record.put(field, texts.text(text));
        }
    }
}
