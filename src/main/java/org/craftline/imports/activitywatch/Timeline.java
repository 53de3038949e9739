package org.craftline.imports.activitywatch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What ActivityWatch saw on one host, as stretches of time carrying the texts rules match on. The
 * window watcher's events count only inside the host's not-AFK time (when the host has an AFK
 * bucket); where a browser had the focus, the browser watcher's tab events (same host, or a
 * web bucket that did not know its host) refine the stretch with the tab's url and title. Events
 * that overlap are counted once: a later event starts where the one before it ended.
 */
final class Timeline {

    /** A stretch of focused time, epoch milliseconds, with its texts' numbers (0: none). */
    record Stretch(long start, long end, int app, int title, int url) {
        long millis() {
            return end - start;
        }
    }

    /** A browser's app name as window watchers report it: "Google Chrome", "firefox.exe", "Microsoft Edge", "Arc". */
    private static final Pattern BROWSER = Pattern.compile(
            "\\b(chrome|chromium|firefox|brave|edge|msedge|safari|opera|vivaldi|librewolf|arc)\\b");
    private static final String NOT_AFK = "not-afk";
    private static final String UNKNOWN_HOST = "unknown";

    private Timeline() {
    }

    /** The stretches of {@code host}, in time order. */
    static List<Stretch> of(String host, List<AwExport.Bucket> buckets, Texts texts) {
        List<long[]> windows = new ArrayList<>();
        List<int[]> windowTexts = new ArrayList<>();
        List<long[]> present = null;
        List<long[]> tabs = new ArrayList<>();
        List<int[]> tabTexts = new ArrayList<>();
        for (AwExport.Bucket bucket : buckets) {
            boolean here = bucket.hostname().equals(host);
            switch (bucket.type()) {
                case AwExport.WINDOW -> {
                    if (here) {
                        collect(bucket.events(), windows, windowTexts);
                    }
                }
                case AwExport.AFK -> {
                    if (here) {
                        present = present == null ? new ArrayList<>() : present;
                        int notAfk = texts.number(NOT_AFK);
                        EventColumns events = bucket.events();
                        for (int i = 0; i < events.size(); i++) {
                            if (events.first(i) == notAfk && events.end(i) > events.start(i)) {
                                present.add(new long[] {events.start(i), events.end(i)});
                            }
                        }
                    }
                }
                case AwExport.WEB -> {
                    if (here || bucket.hostname().equals(UNKNOWN_HOST)) {
                        collect(bucket.events(), tabs, tabTexts);
                    }
                }
                default -> {
                    // Other watchers (input, editors) say nothing the rules read.
                }
            }
        }
        List<Stretch> focused = new ArrayList<>();
        List<long[]> notAfk = present == null ? null : union(present);
        for (int i = 0; i < windows.size(); i++) {
            long[] window = windows.get(i);
            int[] text = windowTexts.get(i);
            for (long[] piece : notAfk == null ? List.of(window) : intersect(window, notAfk)) {
                focused.add(new Stretch(piece[0], piece[1], text[0], text[1], Texts.NONE));
            }
        }
        return refineBrowsers(focused, tabs, tabTexts, texts);
    }

    /** The events in start order, each starting no earlier than the one before ended; empty ones left out. */
    private static void collect(EventColumns events, List<long[]> times, List<int[]> textsOut) {
        List<long[]> all = new ArrayList<>(times);
        List<int[]> allTexts = new ArrayList<>(textsOut);
        for (int i : events.byStart()) {
            all.add(new long[] {events.start(i), events.end(i)});
            allTexts.add(new int[] {events.first(i), events.second(i)});
        }
        Integer[] order = new Integer[all.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Long.compare(all.get(a)[0], all.get(b)[0]));
        times.clear();
        textsOut.clear();
        long covered = Long.MIN_VALUE;
        for (int i : order) {
            long start = Math.max(all.get(i)[0], covered);
            long end = all.get(i)[1];
            if (end > start) {
                times.add(new long[] {start, end});
                textsOut.add(allTexts.get(i));
                covered = end;
            }
        }
    }

    private static List<long[]> union(List<long[]> intervals) {
        intervals.sort((a, b) -> Long.compare(a[0], b[0]));
        List<long[]> merged = new ArrayList<>();
        for (long[] interval : intervals) {
            long[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && interval[0] <= last[1]) {
                last[1] = Math.max(last[1], interval[1]);
            } else {
                merged.add(new long[] {interval[0], interval[1]});
            }
        }
        return merged;
    }

    /** The parts of {@code window} inside the sorted, disjoint {@code intervals}. */
    private static List<long[]> intersect(long[] window, List<long[]> intervals) {
        List<long[]> parts = new ArrayList<>();
        int from = firstEndingAfter(intervals, window[0]);
        for (int i = from; i < intervals.size() && intervals.get(i)[0] < window[1]; i++) {
            long start = Math.max(window[0], intervals.get(i)[0]);
            long end = Math.min(window[1], intervals.get(i)[1]);
            if (end > start) {
                parts.add(new long[] {start, end});
            }
        }
        return parts;
    }

    private static int firstEndingAfter(List<long[]> intervals, long time) {
        int low = 0;
        int high = intervals.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (intervals.get(middle)[1] <= time) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /** Browser stretches split by the tabs open in them: the tab's url and title where one was. */
    private static List<Stretch> refineBrowsers(List<Stretch> focused, List<long[]> tabs, List<int[]> tabTexts,
                                                Texts texts) {
        List<Stretch> refined = new ArrayList<>();
        for (Stretch stretch : focused) {
            if (!isBrowser(texts.text(stretch.app())) || tabs.isEmpty()) {
                refined.add(stretch);
                continue;
            }
            long at = stretch.start();
            for (int i = firstEndingAfter(tabs, stretch.start()); i < tabs.size() && tabs.get(i)[0] < stretch.end(); i++) {
                long start = Math.max(stretch.start(), tabs.get(i)[0]);
                long end = Math.min(stretch.end(), tabs.get(i)[1]);
                if (start > at) {
                    refined.add(new Stretch(at, start, stretch.app(), stretch.title(), Texts.NONE));
                }
                refined.add(new Stretch(start, end, stretch.app(), tabTexts.get(i)[1], tabTexts.get(i)[0]));
                at = end;
            }
            if (at < stretch.end()) {
                refined.add(new Stretch(at, stretch.end(), stretch.app(), stretch.title(), Texts.NONE));
            }
        }
        return refined;
    }

    static boolean isBrowser(String app) {
        if (app == null) {
            return false;
        }
        return BROWSER.matcher(app.toLowerCase(Locale.ROOT)).find();
    }
}
