package org.craftline.imports.activitywatch;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.craftline.imports.capture.NumberedKinds;
import org.craftline.imports.capture.Texts;
import org.craftline.rules.RuleBook;
import org.craftline.rules.RuleField;

/** The distinct (app, title, url) of an export's focused time, each numbered and classified once. */
final class WindowKinds extends NumberedKinds<WindowKinds.Window> {

    record Window(int app, int title, int url) {
    }

    private final Texts texts;

    WindowKinds(RuleBook rules, Texts texts) {
        super(rules);
        this.texts = texts;
    }

    int number(Timeline.Stretch stretch) {
        return number(new Window(stretch.app(), stretch.title(), stretch.url()));
    }

    @Override
    protected void fields(Window window, Map<RuleField, String> record) {
        put(record, RuleField.APP, texts, window.app());
        put(record, RuleField.TITLE, texts, window.title());
        put(record, RuleField.URL, texts, window.url());
    }

    /**
     * What a rule for this time would look at: the app, and for a browser tab the site (the url's
     * host). Titles are left out: they vary from file to file, and listed one by one they would hide
     * an app's hours behind its many titles.
     */
    @Override
    public Map<String, String> describe(int what) {
        Window window = kind(what);
        Map<String, String> values = new LinkedHashMap<>();
        if (window.app() != Texts.NONE) {
            values.put(RuleField.APP.key(), texts.text(window.app()));
        }
        if (window.url() != Texts.NONE) {
            values.put(RuleField.URL.key(), site(texts.text(window.url())));
        }
        return values;
    }

    /** A url's host, or the url itself when it has none (about:blank, a file path). */
    static String site(String url) {
        try {
            String host = URI.create(url).getHost();
            return host == null || host.isEmpty() ? url : host;
        } catch (IllegalArgumentException notAUri) {
            return url;
        }
    }
}
