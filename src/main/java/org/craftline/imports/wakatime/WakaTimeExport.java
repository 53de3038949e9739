package org.craftline.imports.wakatime;

import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import org.craftline.imports.capture.ExportParser;
import org.craftline.problem.ApiException;
import org.craftline.values.Dates;

/**
 * WakaTime's heartbeats data export, as WakaTime writes it and wakapi too
 * ({@code {"range": {...}, "days": [{"date": ..., "heartbeats": [...]}]}}), read as a stream
 * ({@link ExportParser}). Of each heartbeat it keeps its {@code time} (epoch seconds), what it was
 * about ({@code category}, {@code project}, {@code language}, {@code entity}) and its
 * {@code ai_line_changes} and {@code human_line_changes}; every other field (user, branch,
 * dependencies, cursor, AI tokens...) is skipped. What is not such an export is a 422 naming where,
 * as {@code days[3].heartbeats[12].time}.
 */
final class WakaTimeExport {

    /** More line changes than this in one heartbeat is not a record of typing. */
    private static final int MAX_LINES = 1_000_000;

    private final ExportParser parser;
    private final HeartbeatKinds kinds;
    private final Heartbeats heartbeats = new Heartbeats();

    private WakaTimeExport(ExportParser parser, HeartbeatKinds kinds) {
        this.parser = parser;
        this.kinds = kinds;
    }

    /** The export's heartbeats, in the export's order, what each was about numbered in {@code kinds}. */
    static Heartbeats read(InputStream body, HeartbeatKinds kinds) {
        return ExportParser.read(body, parser -> new WakaTimeExport(parser, kinds).export());
    }

    private Heartbeats export() throws IOException {
        parser.expect(parser.next(), JsonToken.START_OBJECT, "body", "an object {\"range\": ..., \"days\": [...]}");
        boolean days = false;
        while (parser.next() == JsonToken.FIELD_NAME) {
            String field = parser.fieldName();
            JsonToken value = parser.next();
            if (field.equals("days")) {
                parser.expect(value, JsonToken.START_ARRAY, "days", "an array of days");
                days = true;
                int index = 0;
                while (parser.next() != JsonToken.END_ARRAY) {
                    day("days[" + index + "]");
                    index++;
                }
            } else {
                parser.skip();
            }
        }
        if (!days) {
            throw ApiException.unprocessable("days", "is missing: send WakaTime's heartbeats export (Settings, "
                    + "Export, \"Heartbeats\"), which is {\"range\": ..., \"days\": [...]}");
        }
        return heartbeats;
    }

    private void day(String where) throws IOException {
        parser.expect(parser.current(), JsonToken.START_OBJECT, where, "a day object {\"date\": ..., \"heartbeats\": [...]}");
        while (parser.next() == JsonToken.FIELD_NAME) {
            String field = parser.fieldName();
            JsonToken value = parser.next();
            if (field.equals("heartbeats") && value != JsonToken.VALUE_NULL) {
                parser.expect(value, JsonToken.START_ARRAY, where + ".heartbeats", "an array of heartbeats");
                int index = 0;
                while (parser.next() != JsonToken.END_ARRAY) {
                    heartbeat(where + ".heartbeats[" + index + "]");
                    index++;
                }
            } else {
                // The day's date is WakaTime's, in the account's zone: days are cut again in the worker's.
                parser.skip();
            }
        }
    }

    private void heartbeat(String where) throws IOException {
        parser.expect(parser.current(), JsonToken.START_OBJECT, where, "a heartbeat object");
        double time = Double.NaN;
        String category = null;
        String project = null;
        String language = null;
        String entity = null;
        int ai = 0;
        int human = 0;
        while (parser.next() == JsonToken.FIELD_NAME) {
            String field = parser.fieldName();
            JsonToken value = parser.next();
            switch (field) {
                case "time" -> time = parser.number(value, where + ".time", "seconds since 1970");
                case "category" -> category = parser.optionalText(value, where + ".category");
                case "project" -> project = parser.optionalText(value, where + ".project");
                case "language" -> language = parser.optionalText(value, where + ".language");
                case "entity" -> entity = parser.optionalText(value, where + ".entity");
                case "ai_line_changes" -> ai = parser.count(value, where + ".ai_line_changes", MAX_LINES);
                case "human_line_changes" -> human = parser.count(value, where + ".human_line_changes", MAX_LINES);
                default -> parser.skip();
            }
        }
        if (Double.isNaN(time)) {
            throw ApiException.unprocessable(where + ".time", "is missing");
        }
        long millis = Math.round(time * 1000);
        if (Math.abs(time) > 1e13 || !Dates.holdsInEveryZone(Instant.ofEpochMilli(millis))) {
            throw ApiException.unprocessable(where + ".time", "must be a time between 1900 and 2200, in seconds since 1970");
        }
        heartbeats.add(millis, kinds.number(category, project, language, entity), ai, human);
    }
}
