package org.craftline.imports.activitywatch;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.craftline.problem.ApiException;

/**
 * An ActivityWatch export ({@code GET /api/0/export}, or one bucket's
 * {@code GET /api/0/buckets/<id>/export}: both are {@code {"buckets": {"<id>": bucket}}}, from
 * aw-server and aw-server-rust alike), read as a stream with Jackson's parser, never as a tree.
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

    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private final JsonParser parser;
    private final Texts texts;

    private AwExport(JsonParser parser, Texts texts) {
        this.parser = parser;
        this.texts = texts;
    }

    /** The export's buckets, their texts numbered in {@code texts}. */
    static List<Bucket> read(InputStream body, Texts texts) {
        try (JsonParser parser = JSON.createParser(body)) {
            return new AwExport(parser, texts).buckets();
        } catch (JsonProcessingException e) {
            throw ApiException.malformedJson(null, e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<Bucket> buckets() throws IOException {
        expect(parser.nextToken(), JsonToken.START_OBJECT, "body", "an object {\"buckets\": {...}}");
        List<Bucket> buckets = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if (field.equals("buckets")) {
                expect(value, JsonToken.START_OBJECT, "buckets", "an object of buckets by id");
                buckets = new ArrayList<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String id = parser.currentName();
                    buckets.add(bucket(id, parser.nextToken()));
                }
            } else {
                parser.skipChildren();
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
        expect(start, JsonToken.START_OBJECT, where, "a bucket object");
        String type = null;
        String hostname = null;
        EventColumns events = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (field) {
                case "type" -> type = text(value, where + ".type");
                case "hostname" -> hostname = text(value, where + ".hostname");
                case "events" -> events = events(value, where + ".events");
                default -> parser.skipChildren();
            }
        }
        if (type == null) {
            throw ApiException.unprocessable(where + ".type", "is missing");
        }
        return new Bucket(id, type, hostname == null ? "unknown" : hostname, events == null ? new EventColumns() : events);
    }

    private EventColumns events(JsonToken start, String where) throws IOException {
        if (start == JsonToken.VALUE_NULL) {
            return new EventColumns();
        }
        expect(start, JsonToken.START_ARRAY, where, "an array of events");
        EventColumns events = new EventColumns();
        int index = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            event(events, where + "[" + index + "]");
            index++;
        }
        return events;
    }

    private void event(EventColumns events, String where) throws IOException {
        expect(parser.currentToken(), JsonToken.START_OBJECT, where, "an event object");
        Instant timestamp = null;
        double seconds = 0;
        String[] data = new String[4];
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (field) {
                case "timestamp" -> timestamp = instant(text(value, where + ".timestamp"), where + ".timestamp");
                case "duration" -> seconds = number(value, where + ".duration");
                case "data" -> data(value, data, where + ".data");
                default -> parser.skipChildren();
            }
        }
        if (timestamp == null) {
            throw ApiException.unprocessable(where + ".timestamp", "is missing");
        }
        long start = timestamp.toEpochMilli();
        // Zero and negative durations happen (a heartbeat not merged yet): such an event covers no time.
        long end = start + Math.max(0, Math.round(seconds * 1000));
        String first = data[0] != null ? data[0] : data[1] != null ? data[1] : data[2];
        events.add(start, end, texts.number(first), texts.number(data[3]));
    }

    /** A window's app, a tab's url or an AFK event's status into {@code data[0..2]}, the title into {@code data[3]}. */
    private void data(JsonToken start, String[] data, String where) throws IOException {
        if (start == JsonToken.VALUE_NULL) {
            return;
        }
        expect(start, JsonToken.START_OBJECT, where, "an object");
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (field) {
                case "app" -> data[0] = optionalText(value, where + ".app");
                case "url" -> data[1] = optionalText(value, where + ".url");
                case "status" -> data[2] = optionalText(value, where + ".status");
                case "title" -> data[3] = optionalText(value, where + ".title");
                default -> parser.skipChildren();
            }
        }
    }

    private String text(JsonToken value, String where) throws IOException {
        expect(value, JsonToken.VALUE_STRING, where, "a string");
        return parser.getText();
    }

    private String optionalText(JsonToken value, String where) throws IOException {
        return value == JsonToken.VALUE_NULL ? null : text(value, where);
    }

    private double number(JsonToken value, String where) throws IOException {
        if (value != JsonToken.VALUE_NUMBER_INT && value != JsonToken.VALUE_NUMBER_FLOAT) {
            throw ApiException.unprocessable(where, "must be a number of seconds");
        }
        double number = parser.getDoubleValue();
        if (!Double.isFinite(number)) {
            throw ApiException.unprocessable(where, "must be a finite number of seconds");
        }
        return number;
    }

    private static Instant instant(String text, String where) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.unprocessable(where, "must be an RFC 3339 time such as 2023-03-14T09:12:03.123+00:00");
        }
    }

    private void expect(JsonToken actual, JsonToken wanted, String where, String what) throws IOException {
        if (actual != wanted) {
            throw ApiException.unprocessable(where, "must be " + what);
        }
    }
}
