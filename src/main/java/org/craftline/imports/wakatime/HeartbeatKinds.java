package org.craftline.imports.wakatime;

import java.util.LinkedHashMap;
import java.util.Map;
import org.craftline.imports.capture.NumberedKinds;
import org.craftline.imports.capture.Texts;
import org.craftline.rules.RuleBook;
import org.craftline.rules.RuleField;

/** The distinct (category, project, language, entity) of an export's heartbeats, each numbered and classified once. */
final class HeartbeatKinds extends NumberedKinds<HeartbeatKinds.Subject> {

    record Subject(int category, int project, int language, int entity) {
    }

    private final Texts texts = new Texts();

    HeartbeatKinds(RuleBook rules) {
        super(rules);
    }

    int number(String category, String project, String language, String entity) {
        return number(new Subject(texts.number(category), texts.number(project), texts.number(language),
                texts.number(entity)));
    }

    @Override
    protected void fields(Subject subject, Map<RuleField, String> record) {
        put(record, RuleField.CATEGORY, texts, subject.category());
        put(record, RuleField.PROJECT, texts, subject.project());
        put(record, RuleField.LANGUAGE, texts, subject.language());
        put(record, RuleField.ENTITY, texts, subject.entity());
    }

    /** A project and a category: what a person recognises their time by, and writes a rule for. */
    @Override
    public Map<String, String> describe(int what) {
        Subject subject = kind(what);
        Map<String, String> values = new LinkedHashMap<>();
        if (subject.project() != Texts.NONE) {
            values.put(RuleField.PROJECT.key(), texts.text(subject.project()));
        }
        if (subject.category() != Texts.NONE) {
            values.put(RuleField.CATEGORY.key(), texts.text(subject.category()));
        }
        return values;
    }
}
