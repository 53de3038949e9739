package org.craftline.imports.activitywatch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.craftline.imports.capture.Texts;

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
        EventColumns windows = new EventColumns();
        EventColumns tabs = new EventColumns();
        List<long[]> present = null;
        int notAfk = texts.number(NOT_AFK);
        for (AwExport.Bucket bucket : buckets) {
            boolean here = bucket.hostname().equals(host);
            EventColumns events = bucket.events();
            switch (bucket.type()) {
                case AwExport.WINDOW -> windows = !here ? windows
                        : windows.size() == 0 ? events : windows.with(events);
                case AwExport.AFK -> {
                    if (here) {
                        present = present == null ? new ArrayList<>() : present;
                        for (int i = 0; i < events.size(); i++) {
                            if (events.first(i) == notAfk && events.end(i) > events.start(i)) {
                                present.add(new long[] {events.start(i), events.end(i)});
                            }
                        }
                    }
                }
                case AwExport.WEB -> tabs = !here && !bucket.hostname().equals(UNKNOWN_HOST) ? tabs
                        : tabs.size() == 0 ? events : tabs.with(events);
                default -> {
                    // Other watchers (input, editors) say nothing the rules read.
                }
            }
        }
        windows = windows.inStartOrderWithoutOverlaps();
        tabs = tabs.inStartOrderWithoutOverlaps();
        List<long[]> notAfkTime = present == null ? null : union(present);
        List<Stretch> focused = new ArrayList<>(windows.size());
        Boolean[] browsers = new Boolean[0];
        for (int i = 0; i < windows.size(); i++) {
            int app = windows.first(i);
            if (app >= browsers.length) {
                browsers = Arrays.copyOf(browsers, Math.max(app + 1, browsers.length * 2));
            }
            if (browsers[app] == null) {
                browsers[app] = isBrowser(texts.text(app));
            }
            boolean browser = browsers[app] && tabs.size() > 0;
            if (notAfkTime == null) {
                add(focused, windows.start(i), windows.end(i), app, windows.second(i), browser, tabs);
                continue;
            }
            for (int k = firstEndingAfter(notAfkTime, windows.start(i));
                 k < notAfkTime.size() && notAfkTime.get(k)[0] < windows.end(i); k++) {
                long start = Math.max(windows.start(i), notAfkTime.get(k)[0]);
                long end = Math.min(windows.end(i), notAfkTime.get(k)[1]);
                if (end > start) {
                    add(focused, start, end, app, windows.second(i), browser, tabs);
                }
            }
        }
        return focused;
    }

    /** A focused piece of a window; a browser's split by the tabs open in it (the tab's url and title where one was). */
    private static void add(List<Stretch> focused, long from, long to, int app, int title, boolean browser,
                            EventColumns tabs) {
        if (!browser) {
            focused.add(new Stretch(from, to, app, title, Texts.NONE));
            return;
        }
        long at = from;
        for (int i = tabs.firstEndingAfter(from); i < tabs.size() && tabs.start(i) < to; i++) {
            long start = Math.max(from, tabs.start(i));
            long end = Math.min(to, tabs.end(i));
            if (start > at) {
                focused.add(new Stretch(at, start, app, title, Texts.NONE));
            }
            focused.add(new Stretch(start, end, app, tabs.second(i), tabs.first(i)));
            at = end;
        }
        if (at < to) {
            focused.add(new Stretch(at, to, app, title, Texts.NONE));
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

    static boolean isBrowser(String app) {
        if (app == null) {
            return false;
        }
        return BROWSER.matcher(app.toLowerCase(Locale.ROOT)).find();
    }
}
