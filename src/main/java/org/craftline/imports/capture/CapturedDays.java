package org.craftline.imports.capture;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.craftline.rules.Rule;
import org.craftline.step.Mediation;
import org.craftline.step.Step;

/**
 * Captured time cut into days of the worker's zone (a 23- or 25-hour day is cut where its
 * midnights fall) and each day into steps by the worker's rules: a step is a run of time of one
 * activity (two rules that make the same step make one run), in time order, across gaps of at most
 * {@code bridge}; a run shorter than {@code shortest} is left out and counted. Time no rule classifies, and time a rule ignores, is
 * not a step: each day reports it, with the values that matched nothing, the largest first.
 */
public final class CapturedDays {

    /** How many unmatched values a day lists. */
    public static final int UNMATCHED_LISTED = 10;

    /** One day's steps and what did not become one. Times in milliseconds. */
    public record Day(LocalDate date, List<Step> steps, long unclassified, List<Unmatched> unmatched, long ignored,
                      int shortRuns, long shortRunTime, long aiLines, long humanLines) {
    }

    /** Time no rule matched, and the values a rule for it would match on ({@link Kinds#describe}). */
    public record Unmatched(Map<String, String> when, long millis) {
    }

    /**
     * How runs are made: gaps of at most {@code bridgeMillis} joined, runs under
     * {@code shortestMillis} left out; with {@code mediationFromLines}, a step whose rule names no
     * mediation takes it from the run's line changes ({@link #mediation}).
     */
    public record Settings(long bridgeMillis, long shortestMillis, boolean mediationFromLines) {
    }

    private CapturedDays() {
    }

    /** The days of {@code spans} (in time order, not overlapping), in date order. */
    public static List<Day> of(List<Span> spans, ZoneId zone, Kinds kinds, Settings settings) {
        Map<LocalDate, List<Span>> byDay = new TreeMap<>();
        for (Span span : spans) {
            long start = span.start();
            boolean first = true;
            do {
                LocalDate date = Instant.ofEpochMilli(start).atZone(zone).toLocalDate();
                long midnight = date.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
                long end = Math.min(span.end(), midnight);
                // Line changes belong to the moment the span starts: to its first piece.
                byDay.computeIfAbsent(date, d -> new ArrayList<>()).add(first && end == span.end() ? span
                        : new Span(start, end, span.what(), first ? span.aiLines() : 0, first ? span.humanLines() : 0));
                start = end;
                first = false;
            } while (start < span.end());
        }
        List<Day> days = new ArrayList<>();
        byDay.forEach((date, pieces) -> days.add(day(date, pieces, kinds, settings)));
        return days;
    }

    private static Day day(LocalDate date, List<Span> pieces, Kinds kinds, Settings settings) {
        Runs runs = new Runs(settings);
        Map<Integer, Long> unmatched = new HashMap<>();
        long unclassified = 0;
        long ignored = 0;
        long ai = 0;
        long human = 0;
        for (Span piece : pieces) {
            ai += piece.aiLines();
            human += piece.humanLines();
            Optional<Rule> rule = kinds.rule(piece.what());
            if (rule.isEmpty()) {
                unclassified += piece.millis();
                unmatched.merge(piece.what(), piece.millis(), Long::sum);
            } else if (rule.get().ignores()) {
                ignored += piece.millis();
            } else {
                runs.add(rule.get(), piece);
            }
        }
        runs.end();
        return new Day(date, runs.steps, unclassified, largest(unmatched, kinds), ignored, runs.shortRuns,
                runs.shortRunTime, ai, human);
    }

    /**
     * A step's mediation from its line changes, where its rule names none: GENERATED where the
     * tool's (AI) changes are at least half of all, ASSISTED where it made any, NONE otherwise.
     */
    static Mediation mediation(long aiLines, long humanLines) {
        if (aiLines <= 0) {
            return Mediation.NONE;
        }
        return aiLines * 2 >= aiLines + Math.max(0, humanLines) ? Mediation.GENERATED : Mediation.ASSISTED;
    }

    /** A day's runs of one rule's time, each ended into a step or, when shorter than the shortest, a count. */
    private static final class Runs {
        private final Settings settings;
        private final List<Step> steps = new ArrayList<>();
        private int shortRuns;
        private long shortRunTime;
        /** Two rules that make the same step (one for Discord, one for the browser, say) continue one run. */
        private final Map<Rule, Step> outcomes = new IdentityHashMap<>();
        private Rule running;
        private Step runningOutcome;
        private long runTime;
        private long runEnd = Long.MIN_VALUE;
        private long runAi;
        private long runHuman;

        Runs(Settings settings) {
            this.settings = settings;
        }

        void add(Rule rule, Span piece) {
            Step outcome = outcomes.computeIfAbsent(rule, CapturedDays::outcome);
            boolean continues = outcome.equals(runningOutcome) && piece.start() - runEnd <= settings.bridgeMillis();
            if (!continues) {
                end();
                running = rule;
                runningOutcome = outcome;
            }
            runTime += piece.millis();
            runEnd = piece.end();
            runAi += piece.aiLines();
            runHuman += piece.humanLines();
        }

        void end() {
            if (running != null) {
                if (runTime < settings.shortestMillis() || runTime == 0) {
                    shortRuns++;
                    shortRunTime += runTime;
                } else {
                    steps.add(step());
                }
            }
            running = null;
            runningOutcome = null;
            runTime = 0;
            runAi = 0;
            runHuman = 0;
        }

        private Step step() {
            int minutes = (int) Math.max(1, Math.round(runTime / 60_000.0));
            Mediation mediation = running.mediation() != null || !settings.mediationFromLines() ? running.mediation()
                    : mediation(runAi, runHuman);
            return new Step(running.activity(), minutes, running.mode(), running.tool(), running.discretion(),
                    mediation, null).normalized();
        }
    }

    /** The step a rule makes, but for its minutes. */
    private static Step outcome(Rule rule) {
        return new Step(rule.activity(), 1, rule.mode(), rule.tool(), rule.discretion(), rule.mediation(), null)
                .normalized();
    }

    /** The unmatched kinds' time by what a person would write a rule for, the largest first. */
    private static List<Unmatched> largest(Map<Integer, Long> unmatched, Kinds kinds) {
        Map<Map<String, String>, Long> described = new HashMap<>();
        unmatched.forEach((what, millis) -> described.merge(kinds.describe(what), millis, Long::sum));
        return described.entrySet().stream()
                .sorted(Map.Entry.<Map<String, String>, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(entry -> entry.getKey().toString()))
                .limit(UNMATCHED_LISTED)
                .map(entry -> new Unmatched(entry.getKey(), entry.getValue()))
                .toList();
    }
}
