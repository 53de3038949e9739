package org.craftline.imports.activitywatch;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.craftline.rules.Rule;
import org.craftline.rules.RuleBook;
import org.craftline.rules.RuleField;
import org.craftline.step.Step;

/**
 * A host's focused time cut into days of the worker's zone (a 23- or 25-hour day is cut where its
 * midnights fall) and each day into steps by the worker's rules: a step is a run of time one rule
 * classified, in time order, across gaps of at most {@code bridge}; a run shorter than
 * {@code shortest} is left out and counted. Time no rule classifies, and time a rule ignores, is
 * not a step: each day reports it, with the values that matched nothing.
 */
final class ActivityDays {

    /** How many unmatched values a day lists, the largest first. */
    static final int UNMATCHED_LISTED = 10;

    /** One day's steps and what did not become one. Times in milliseconds. */
    record Day(LocalDate date, List<Step> steps, long unclassified, Map<String, Long> unmatched, long ignored,
               int shortRuns, long shortRunTime) {
    }

    /** How runs are made: gaps of at most {@code bridge} joined, runs under {@code shortest} left out. */
    record Settings(long bridgeMillis, long shortestMillis) {
    }

    private ActivityDays() {
    }

    static List<Day> of(List<Timeline.Stretch> stretches, ZoneId zone, RuleBook rules, Texts texts, Settings settings) {
        Map<LocalDate, List<Timeline.Stretch>> byDay = new LinkedHashMap<>();
        for (Timeline.Stretch stretch : stretches) {
            long start = stretch.start();
            while (start < stretch.end()) {
                LocalDate date = Instant.ofEpochMilli(start).atZone(zone).toLocalDate();
                long midnight = date.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
                long end = Math.min(stretch.end(), midnight);
                byDay.computeIfAbsent(date, d -> new ArrayList<>())
                        .add(new Timeline.Stretch(start, end, stretch.app(), stretch.title(), stretch.url()));
                start = end;
            }
        }
        Classifier classifier = new Classifier(rules, texts);
        List<Day> days = new ArrayList<>();
        byDay.forEach((date, pieces) -> days.add(day(date, pieces, classifier, texts, settings)));
        return days;
    }

    private static Day day(LocalDate date, List<Timeline.Stretch> pieces, Classifier classifier, Texts texts,
                           Settings settings) {
        Runs runs = new Runs(settings);
        Map<String, Long> unmatched = new HashMap<>();
        long unclassified = 0;
        long ignored = 0;
        for (Timeline.Stretch piece : pieces) {
            Optional<Rule> rule = classifier.classify(piece);
            if (rule.isEmpty()) {
                unclassified += piece.millis();
                unmatched.merge(describe(piece, texts), piece.millis(), Long::sum);
            } else if (rule.get().ignores()) {
                ignored += piece.millis();
            } else {
                runs.add(rule.get(), piece);
            }
        }
        runs.end();
        return new Day(date, runs.steps, unclassified, largest(unmatched), ignored, runs.shortRuns, runs.shortRunTime);
    }

    /** A day's runs of one rule's time, each ended into a step or, when shorter than the shortest, a count. */
    private static final class Runs {
        private final Settings settings;
        private final List<Step> steps = new ArrayList<>();
        private int shortRuns;
        private long shortRunTime;
        private Rule running;
        private long runTime;
        private long runEnd = Long.MIN_VALUE;

        Runs(Settings settings) {
            this.settings = settings;
        }

        void add(Rule rule, Timeline.Stretch piece) {
            boolean continues = rule == running && piece.start() - runEnd <= settings.bridgeMillis();
            if (!continues) {
                end();
                running = rule;
            }
            runTime += piece.millis();
            runEnd = piece.end();
        }

        void end() {
            if (running != null) {
                if (runTime < settings.shortestMillis()) {
                    shortRuns++;
                    shortRunTime += runTime;
                } else {
                    steps.add(step(running, runTime));
                }
            }
            running = null;
            runTime = 0;
        }
    }

    private static Step step(Rule rule, long millis) {
        int minutes = (int) Math.max(1, Math.round(millis / 60_000.0));
        return new Step(rule.activity(), minutes, rule.mode(), rule.tool(), rule.discretion(), rule.mediation(), null)
                .normalized();
    }

    /** What a piece no rule matched was, as a worker would write a rule for it. */
    private static String describe(Timeline.Stretch piece, Texts texts) {
        String app = texts.text(piece.app());
        String where = texts.text(piece.url()) != null ? texts.text(piece.url()) : texts.text(piece.title());
        return (app == null ? "(no app)" : app) + (where == null ? "" : " \u2014 " + where);
    }

    private static Map<String, Long> largest(Map<String, Long> unmatched) {
        Map<String, Long> listed = new LinkedHashMap<>();
        unmatched.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(UNMATCHED_LISTED)
                .forEach(entry -> listed.put(entry.getKey(), entry.getValue()));
        return listed;
    }

    /** The rules applied once per distinct app, title and url: a year repeats them thousands of times. */
    private static final class Classifier {
        private final RuleBook rules;
        private final Texts texts;
        private final Map<List<Integer>, Optional<Rule>> seen = new HashMap<>();

        Classifier(RuleBook rules, Texts texts) {
            this.rules = rules;
            this.texts = texts;
        }

        Optional<Rule> classify(Timeline.Stretch piece) {
            return seen.computeIfAbsent(List.of(piece.app(), piece.title(), piece.url()), key -> {
                Map<RuleField, String> record = new EnumMap<>(RuleField.class);
                put(record, RuleField.APP, piece.app());
                put(record, RuleField.TITLE, piece.title());
                put(record, RuleField.URL, piece.url());
                return rules.classify(record);
            });
        }

        private void put(Map<RuleField, String> record, RuleField field, int text) {
            if (text != Texts.NONE) {
                record.put(field, texts.text(text));
            }
        }
    }
}
