package org.craftline.demo;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.ToDoubleFunction;

/**
 * A 3D artist's days as ActivityWatch records them, written as its export (aw-server-rust's shape:
 * event ids, bucket metadata), seeded, with the truth a correct import must make of it: the
 * focused, not-AFK time, by kind. Where a day's progress along the shift is low the artist sculpts
 * in Blender and ZBrush; where it is high, prompts Midjourney (in Discord or the browser) and paints
 * over in Photoshop. The demo imports such a year ({@link DemoSeeder}); the import tests and
 * bench/CaptureBench check the import against the truth.
 *
 * <p>The noise real exports carry is in it: events with empty {@code data}, zero and negative
 * durations, a duplicate event overlapping one before it, window events while the person was away,
 * an AFK bucket from another host, and work across the midnights of the days the clocks change.
 */
public final class ArtistActivity {

    /** What a stretch of focused time was, as {@link #RULES} classify it. */
    public enum Kind {
        SCULPT, PROMPT, PAINT_OVER, REFERENCE, IGNORED, UNCLASSIFIED;

        public boolean classified() {
            return this != IGNORED && this != UNCLASSIFIED;
        }

        public boolean craft() {
            return this == SCULPT || this == REFERENCE;
        }
    }

    /** Focused, not-AFK time of one kind: what the import must count. */
    public record Segment(long start, long end, Kind kind) {
    }

    /** Rules for the artist's apps: what {@link Kind} says of each. */
    public static final String RULES = """
            {"rules": [
              {"when": {"app": "ZBrush|Blender"}, "activity": "sculpt", "mode": "CRAFT", "tool": "Blender"},
              {"when": {"url": "midjourney\\\\.com"}, "activity": "prompt", "mode": "EXECUTION", "tool": "Midjourney",
               "mediation": "GENERATED"},
              {"when": {"app": "Discord", "title": "midjourney"}, "activity": "prompt", "mode": "EXECUTION",
               "tool": "Midjourney", "mediation": "GENERATED"},
              {"when": {"app": "Photoshop"}, "activity": "paint-over", "mode": "EXECUTION", "tool": "Photoshop",
               "mediation": "ASSISTED"},
              {"when": {"url": "artstation\\\\.com|pinterest"}, "activity": "reference", "mode": "CRAFT"},
              {"when": {"app": "Slack"}, "ignore": true}
            ]}""";


    private static final JsonFactory JSON = new JsonFactory();

    private ArtistActivity() {
    }

    /** Whether {@code date} has 23 or 25 hours in {@code zone}. */
    static boolean clocksChange(ZoneId zone, LocalDate date) {
        return !zone.getRules().getOffset(date.atStartOfDay(zone).toInstant())
                .equals(zone.getRules().getOffset(date.plusDays(1).atStartOfDay(zone).toInstant()));
    }

    /** How many records were written, and the truth. */
    public record Generated(int records, List<Segment> truth) {
    }

    /**
     * The artist's days from {@code first} to {@code last}, in {@code zone}, written to {@code out} as
     * they are made (a year is about 75 MB); {@code progress} says how far each day is along the
     * shift, from 0 (mostly sculpting) to 1 (mostly prompting and painting over).
     */
    public static Generated write(long seed, LocalDate first, LocalDate last, ZoneId zone,
                                  ToDoubleFunction<LocalDate> progress, OutputStream out) {
        ArtistYear year = new ArtistYear(new Random(seed), zone);
        for (LocalDate date = first; !date.isAfter(last); date = date.plusDays(1)) {
            year.day(date, progress.applyAsDouble(date));
        }
        try (JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeObjectFieldStart("buckets");
            bucket(json, "aw-watcher-window_studio", "currentwindow", "aw-watcher-window", "studio", year.windows);
            bucket(json, "aw-watcher-afk_studio", "afkstatus", "aw-watcher-afk", "studio", year.afk);
            bucket(json, "aw-watcher-web-firefox", "web.tab.current", "aw-client-web", "unknown", year.tabs);
            bucket(json, "aw-watcher-afk_laptop", "afkstatus", "aw-watcher-afk", "laptop", year.otherHost);
            json.writeEndObject();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int records = year.windows.size() + year.afk.size() + year.tabs.size() + year.otherHost.size();
        return new Generated(records, year.truth);
    }

    private record Event(long start, double seconds, String first, String firstValue, String title) {
    }

    /** Newest first, as ActivityWatch exports; with the Rust server's extra fields. */
    private static void bucket(JsonGenerator json, String id, String type, String client, String host,
                               List<Event> events) throws IOException {
        json.writeObjectFieldStart(id);
        json.writeStringField("id", id);
        json.writeStringField("created", "2023-01-01T08:00:00.000000+00:00");
        json.writeStringField("name", null);
        json.writeStringField("type", type);
        json.writeStringField("client", client);
        json.writeStringField("hostname", host);
        json.writeObjectFieldStart("data");
        json.writeEndObject();
        json.writeObjectFieldStart("metadata");
        json.writeNullField("start");
        json.writeNullField("end");
        json.writeEndObject();
        json.writeArrayFieldStart("events");
        for (int i = events.size() - 1; i >= 0; i--) {
            Event event = events.get(i);
            json.writeStartObject();
            json.writeNumberField("id", i + 1);
            json.writeStringField("timestamp", Instant.ofEpochMilli(event.start()).toString());
            json.writeNumberField("duration", event.seconds());
            json.writeObjectFieldStart("data");
            if (event.first() != null) {
                json.writeStringField(event.first(), event.firstValue());
                if (event.title() != null) {
                    json.writeStringField("title", event.title());
                }
                if (event.first().equals("url")) {
                    json.writeBooleanField("audible", false);
                    json.writeBooleanField("incognito", false);
                    json.writeNumberField("tabCount", 7);
                }
            }
            json.writeEndObject();
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    /** The artist's days as the watchers record them, and the truth. */
    private static final class ArtistYear {
        private final Random random;
        private final ZoneId zone;
        final List<Event> windows = new ArrayList<>();
        final List<Event> afk = new ArrayList<>();
        final List<Event> tabs = new ArrayList<>();
        final List<Event> otherHost = new ArrayList<>();
        final List<Segment> truth = new ArrayList<>();

        ArtistYear(Random random, ZoneId zone) {
            this.random = random;
            this.zone = zone;
        }

        void day(LocalDate date, double progress) {
            boolean weekend = date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
            boolean clocksChange = clocksChange(zone, date) || clocksChange(zone, date.plusDays(1));
            if (weekend && !clocksChange && random.nextInt(5) != 0) {
                return;
            }
            long start = at(date, 9, random.nextInt(40));
            long lunch = at(date, 12, 30 + random.nextInt(20));
            long back = lunch + (40 + random.nextInt(20)) * 60_000L;
            long end = at(date, 17, random.nextInt(50));
            present(start, lunch, progress);
            away(lunch, back);
            present(back, end, progress);
            if (clocksChange || random.nextInt(12) == 0) {
                // A late session across the worker's midnight.
                long late = at(date, 23, 10 + random.nextInt(20));
                away(end, late);
                present(late, late + (60 + random.nextInt(40)) * 60_000L, progress);
            }
        }

        private long at(LocalDate date, int hour, int minute) {
            return ZonedDateTime.of(date, LocalTime.of(hour, 0), zone).plusMinutes(minute).toInstant().toEpochMilli();
        }

        private void away(long from, long to) {
            afk.add(new Event(from, (to - from) / 1000.0, "status", "afk", null));
            // The screen stays on a window while nobody is there: not focused time.
            windows.add(new Event(from, (to - from) / 1000.0, "app", "loginwindow", "Screen locked"));
            otherHost.add(new Event(from, (to - from) / 1000.0, "status", "not-afk", null));
        }

        private void present(long from, long to, double progress) {
            afk.add(new Event(from, (to - from) / 1000.0, "status", "not-afk", null));
            long at = from;
            while (at < to) {
                long block = Math.min(to, at + (4 + random.nextInt(40)) * 60_000L);
                block(at, block, kind(progress));
                at = block + (random.nextInt(4) == 0 ? random.nextInt(90) * 1000L : 0);
            }
        }

        private Kind kind(double progress) {
            double roll = random.nextDouble();
            double sculpt = 0.6 * (1 - progress) + 0.05;
            double prompt = 0.05 + 0.35 * progress;
            double paint = 0.05 + 0.25 * progress;
            double reference = 0.08;
            double ignored = 0.06;
            if ((roll -= sculpt) < 0) {
                return Kind.SCULPT;
            } else if ((roll -= prompt) < 0) {
                return Kind.PROMPT;
            } else if ((roll -= paint) < 0) {
                return Kind.PAINT_OVER;
            } else if ((roll -= reference) < 0) {
                return Kind.REFERENCE;
            } else if ((roll -= ignored) < 0) {
                return Kind.IGNORED;
            }
            return Kind.UNCLASSIFIED;
        }

        /** One activity from {@code from} to {@code to}: window events of 3 to 40 seconds, and the noise. */
        private void block(long from, long to, Kind kind) {
            truth.add(new Segment(from, to, kind));
            boolean discord = random.nextBoolean();
            int version = random.nextInt(40);
            long at = from;
            while (at < to) {
                long end = Math.min(to, at + (3 + random.nextInt(38)) * 1000L);
                double seconds = (end - at) / 1000.0;
                switch (kind) {
                    case SCULPT -> windows.add(random.nextBoolean()
                            ? new Event(at, seconds, "app", "Blender",
                                    "cliff_v" + version + ".blend - Blender 3.4 [/home/artist/projects/cliff-kit/cliff_v"
                                            + version + ".blend]")
                            : new Event(at, seconds, "app", "ZBrush",
                                    "ZBrush 2023.1 - /Users/artist/Projects/Cliff kit/hero_head_" + version + ".ZPR"));
                    case PROMPT -> {
                        if (discord) {
                            windows.add(new Event(at, seconds, "app", "Discord", "#midjourney-v5 | Midjourney - Discord"));
                        } else {
                            browser(at, end, "https://www.midjourney.com/imagine?job=" + version, "Midjourney");
                        }
                    }
                    case PAINT_OVER -> windows.add(new Event(at, seconds, "app", "Adobe Photoshop 2023",
                            "paintover_" + version + ".psd @ 66.7% (RGB/8)"));
                    case REFERENCE -> browser(at, end, "https://www.artstation.com/artwork/" + version,
                            "Cliff studies by someone - ArtStation");
                    case IGNORED -> windows.add(new Event(at, seconds, "app", "Slack", "#art-team | Studio - Slack"));
                    case UNCLASSIFIED -> {
                        if (random.nextBoolean()) {
                            // Now and then a subject line that would trap a backtracking regex engine.
                            windows.add(new Event(at, seconds, "app", "Thunderbird", random.nextInt(50) == 0
                                    ? "a".repeat(999) + "!" : "Inbox - " + version + " unread"));
                        } else {
                            browser(at, end, "https://news.ycombinator.com/item?id=" + version, "Hacker News");
                        }
                    }
                    default -> throw new IllegalStateException();
                }
                noise(at, end);
                at = end;
            }
        }

        private void browser(long from, long to, String url, String title) {
            windows.add(new Event(from, (to - from) / 1000.0, "app", "Firefox", title + " \u2014 Mozilla Firefox"));
            tabs.add(new Event(from, (to - from) / 1000.0, "url", url, title));
        }

        /** What real exports carry besides: records that must change nothing. */
        private void noise(long from, long to) {
            int roll = random.nextInt(40);
            if (roll == 0) {
                windows.add(new Event(from, 0, null, null, null));
            } else if (roll == 1) {
                windows.add(new Event(from, -0.5, "app", "Blender", "negative"));
            } else if (roll == 2 && to - from > 2000) {
                // A duplicate inside the event before it: counted once, as that one.
                windows.add(new Event(from + 1000, (to - from - 2000) / 1000.0, "app", "ZBrush", "overlap"));
            }
        }
    }
}
