package org.craftline.imports.wakatime;

import java.io.InputStream;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.craftline.imports.capture.Capture;
import org.craftline.imports.capture.CapturedDays;
import org.craftline.imports.capture.Origin;
import org.craftline.imports.capture.Span;
import org.craftline.rules.RuleBook;

/**
 * A WakaTime heartbeats export into days of steps. Time is counted the way WakaTime counts it: a
 * heartbeat lasts until the next one when that comes within {@code timeout} (15 minutes by
 * default), else it ends where it is; the time goes to what the earlier heartbeat was about, and
 * so do its line changes.
 */
public final class WakaTime {

    private WakaTime() {
    }

    public static Capture read(InputStream body, ZoneId zone, RuleBook rules, CapturedDays.Settings settings,
                               long timeoutMillis) {
        HeartbeatKinds kinds = new HeartbeatKinds(rules);
        Heartbeats heartbeats = WakaTimeExport.read(body, kinds);
        List<Span> spans = spans(heartbeats, timeoutMillis);
        return new Capture(heartbeats.size(), List.of(new Origin(null, CapturedDays.of(spans, zone, kinds, settings))));
    }

    static List<Span> spans(Heartbeats heartbeats, long timeoutMillis) {
        int[] order = heartbeats.byTime();
        List<Span> spans = new ArrayList<>(order.length);
        for (int k = 0; k < order.length; k++) {
            int i = order[k];
            long start = heartbeats.time(i);
            long next = k + 1 < order.length ? heartbeats.time(order[k + 1]) : start;
            long end = next - start <= timeoutMillis ? next : start;
            spans.add(new Span(start, end, heartbeats.kind(i), heartbeats.aiLines(i), heartbeats.humanLines(i)));
        }
        return spans;
    }
}
