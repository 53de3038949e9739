package org.craftline.imports.activitywatch;

import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.craftline.imports.capture.ExportParser;
import org.craftline.imports.capture.Texts;
import org.craftline.problem.ApiException;
import org.craftline.values.Dates;

/**
 * An ActivityWatch export ({@code GET /api/0/export}, or one bucket's
 * {@code GET /api/0/buckets/<id>/export}: both are {@code {"buckets": {"<id>": bucket}}}, from
 * aw-server and aw-server-rust alike), read as a stream ({@link ExportParser}).
 * Of each bucket it keeps its type, its host and its events' times and the two texts that matter;
 * fields it does not know (the Rust server's {@code metadata}, {@code last_updated}, an event's
 * {@code id}) are skipped. What is not an export is a 422 naming where, as
 * {@code buckets.aw-watcher-window_host.events[12].timestamp}.
 */
final class AwExport {

    static final String WINDOW = "currentwindow";
    static final String AFK = "afkstatus";
    static final String WEB = "web.tab.current";

    /** One bucket: {@code type} as ActivityWatch names it, and the events of the types used here. */
    record Bucket(String id, String type, String hostname, EventColumns events) {
    }

    private final ExportParser parser;
    private final Texts texts;

    private AwExport(ExportParser parser, Texts texts) {
        this.parser = parser;
        this.texts = texts;
    }

    /** The export's buckets, their texts numbered in {@code texts}. */
    static List<Bucket> read(InputStream body, Texts texts) {
        return ExportParser.read(body, parser -> new AwExport(parser, texts).buckets());
    }

    private List<Bucket> buckets() throws IOException {
        parser.expect(parser.next(), JsonToken.START_OBJECT, "body", "an object {\"buckets\": {...}}");
        List<Bucket> buckets = null;
        while (parser.next() == JsonToken.FIELD_NAME) {
            String field = parser.fieldName();
            JsonToken value = parser.next();
            if (field.equals("buckets")) {
                parser.expect(value, JsonToken.START_OBJECT, "buckets", "an object of buckets by id");
                buckets = new ArrayList<>();
                while (parser.next() == JsonToken.FIELD_NAME) {
                    String id = parser.fieldName();
                    buckets.add(bucket(id, parser.next()));
                }
            } else {
                parser.skip();
            }
        }
        if (buckets == null) {
            throw ApiException.unprocessable("buckets", "is missing: send ActivityWatch's export (Settings, or "
                    + "GET /api/0/export), which is {\"buckets\": {...}}");
        }
        return buckets;
    }

    private Bucket bucket(String id, JsonToken start) throws IOException {
        String where = "buckets." + id;
        parser.expect(start, JsonToken.START_OBJECT, where, "a bucket object");
        String type = null;
        String hostname = null;
        EventColumns events = null;
        while (parser.next() == JsonToken.FIELD_NAME) {
            String field = parser.fieldName();
            JsonToken value = parser.next();
            switch (field) {
                case "type" -> type = parser.text(value, where + ".type");
                case "hostname" -> hostname = hostname(parser.optionalText(value, where + ".hostname"),
                        where + ".hostname");
                case "events" -> events = events(value, where + ".events");
                default -> parser.skip();
            }
        }
        if (type == null) {
            throw ApiException.unprocessable(where + ".type", "is missing");
        }
        return new Bucket(id, type, hostname == null ? "unknown" : hostname,
                events == null ? new EventColumns() : events);
    }

    private EventColumns events(JsonToken start, String where) throws IOException {
        if (start == JsonToken.VALUE_NULL) {
            return new EventColumns();
        }
        parser.expect(start, JsonToken.START_ARRAY, where, "an array of events");
        EventColumns events = new EventColumns();
        int index = 0;
        while (parser.next() != JsonToken.END_ARRAY) {
            event(events, where + "[" + index + "]");
            index++;
        }
        return events;
    }

    private void event(EventColumns events, String where) throws IOException {
        parser.expect(parser.current(), JsonToken.START_OBJECT, where, "an event object");
        Instant timestamp = null;
        double seconds = 0;
        String[] data = new String[4];
        while (parser.next() == JsonToken.FIELD_NAME) {
            String field = parser.fieldName();
            JsonToken value = parser.next();
            switch (field) {
                case "timestamp" -> timestamp = instant(parser.text(value, where + ".timestamp"), where + ".timestamp");
                case "duration" -> seconds = parser.number(value, where + ".duration", "seconds");
                case "data" -> data(value, data, where + ".data");
                default -> parser.skip();
            }
        }
        if (timestamp == null) {
            throw ApiException.unprocessable(where + ".timestamp", "is missing");
        }
        long start = timestamp.toEpochMilli();
        // Zero and negative durations happen (a heartbeat not merged yet): such an event covers no time.
        long end = Math.min(LATEST, start + Math.max(0, Math.round(Math.min(seconds, MAX_SECONDS) * 1000)));
        String first = data[0] != null ? data[0] : data[1] != null ? data[1] : data[2];
        events.add(start, end, texts.number(first), texts.number(data[3]));
    }

    /** No event lasts longer than a year; a larger duration is a broken record, held to that. */
    private static final double MAX_SECONDS = 366 * 86_400.0;
    /** Nor runs past the days Craftline holds, in any zone. */
    private static final long LATEST = Dates.LAST.minusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()
            .toEpochMilli();
    /** A host names a day's task and is stored with its import (import_days.origin). */
    private static final int MAX_HOSTNAME = 255;

    private static String hostname(String hostname, String where) {
        if (hostname != null && hostname.length() > MAX_HOSTNAME) {
            throw ApiException.unprocessable(where, "must be at most " + MAX_HOSTNAME + " characters, as a host's "
                    + "name is");
        }
        return hostname;
    }

    /** A window's app, a tab's url or an AFK event's status into {@code data[0..2]}, the title into {@code data[3]}. */
    private void data(JsonToken start, String[] data, String where) throws IOException {
        if (start == JsonToken.VALUE_NULL) {
            return;
        }
        parser.expect(start, JsonToken.START_OBJECT, where, "an object");
        while (parser.next() == JsonToken.FIELD_NAME) {
            String field = parser.fieldName();
            JsonToken value = parser.next();
            switch (field) {
                case "app" -> data[0] = parser.optionalText(value, where + ".app");
                case "url" -> data[1] = parser.optionalText(value, where + ".url");
                case "status" -> data[2] = parser.optionalText(value, where + ".status");
                case "title" -> data[3] = parser.optionalText(value, where + ".title");
                default -> parser.skip();
            }
        }
    }

    private static Instant instant(String text, String where) {
        Instant instant;
        try {
            instant = OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.unprocessable(where, "must be an RFC 3339 time such as 2023-03-14T09:12:03.123+00:00");
        }
        if (!Dates.holdsInEveryZone(instant)) {
            throw ApiException.unprocessable(where, "must be a time between 1900 and 2200");
        }
        return instant;
    }
}
