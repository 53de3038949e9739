package org.craftline.imports.wakatime;

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

/** The distinct (category, project, language, entity) of an export's heartbeats, each numbered and classified once. */
final class HeartbeatKinds implements Kinds {

    private record Key(int category, int project, int language, int entity) {
    }

    private final RuleBook rules;
    private final Texts texts = new Texts();
    private final Map<Key, Integer> numbers = new HashMap<>();
    private final List<Key> keys = new ArrayList<>();
    private final List<Optional<Rule>> classified = new ArrayList<>();

    HeartbeatKinds(RuleBook rules) {
        this.rules = rules;
    }

    int number(String category, String project, String language, String entity) {
        Key key = new Key(texts.number(category), texts.number(project), texts.number(language), texts.number(entity));
        return numbers.computeIfAbsent(key, added -> {
            keys.add(added);
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
            put(record, RuleField.CATEGORY, key.category());
            put(record, RuleField.PROJECT, key.project());
            put(record, RuleField.LANGUAGE, key.language());
            put(record, RuleField.ENTITY, key.entity());
            rule = rules.classify(record);
            classified.set(what, rule);
        }
        return rule;
    }

    /** A project and a category: what a person recognises their time by, and writes a rule for. */
    @Override
    public Map<String, String> describe(int what) {
        Key key = keys.get(what);
        Map<String, String> values = new LinkedHashMap<>();
        if (key.project() != Texts.NONE) {
            values.put(RuleField.PROJECT.key(), texts.text(key.project()));
        }
        if (key.category() != Texts.NONE) {
            values.put(RuleField.CATEGORY.key(), texts.text(key.category()));
        }
        return values;
    }

    private void put(Map<RuleField, String> record, RuleField field, int text) {
        if (text != Texts.NONE) {
            record.put(field, texts.text(text));
        }
    }
}
