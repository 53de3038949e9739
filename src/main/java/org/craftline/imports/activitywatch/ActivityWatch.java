package org.craftline.imports.activitywatch;

import java.io.InputStream;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.craftline.imports.capture.Capture;
import org.craftline.imports.capture.CapturedDays;
import org.craftline.imports.capture.Origin;
import org.craftline.imports.capture.Span;
import org.craftline.imports.capture.Texts;
import org.craftline.rules.RuleBook;

/**
 * An ActivityWatch export into days of steps, one list of days per host that ran a window watcher:
 * each host's focused time ({@link Timeline}) classified by the worker's rules ({@link WindowKinds})
 * and cut into days ({@link CapturedDays}).
 */
public final class ActivityWatch {

    private ActivityWatch() {
    }

    public static Capture read(InputStream body, ZoneId zone, RuleBook rules, CapturedDays.Settings settings) {
        Texts texts = new Texts();
        List<AwExport.Bucket> buckets = AwExport.read(body, texts);
        Set<String> hosts = new LinkedHashSet<>();
        int events = 0;
        for (AwExport.Bucket bucket : buckets) {
            events += bucket.events().size();
            if (bucket.type().equals(AwExport.WINDOW)) {
                hosts.add(bucket.hostname());
            }
        }
        WindowKinds kinds = new WindowKinds(rules, texts);
        List<Origin> origins = new ArrayList<>();
        for (String host : hosts) {
            origins.add(new Origin(host, CapturedDays.of(spans(Timeline.of(host, buckets, texts), kinds), zone, kinds,
                    settings)));
        }
        return new Capture(events, origins);
    }

    static List<Span> spans(List<Timeline.Stretch> stretches, WindowKinds kinds) {
        List<Span> spans = new ArrayList<>(stretches.size());
        for (Timeline.Stretch stretch : stretches) {
            spans.add(new Span(stretch.start(), stretch.end(), kinds.number(stretch)));
        }
        return spans;
    }
}
