package org.craftline.imports.capture;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.craftline.problem.ApiException;

/**
 * A tracker's JSON export read as a stream with Jackson's parser, never as a tree (a year is about
 * 100 MB): the readers walk it token by token, and every value that is not what the format says
 * is a 422 naming where, as {@code buckets.aw-watcher-window_host.events[12].timestamp}.
 */
public final class ExportParser {

    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    /** What a reader does with the parser, from the first token to the root's end. */
    public interface Reading<T> {
        T read(ExportParser parser) throws IOException;
    }

    private final JsonParser parser;

    private ExportParser(JsonParser parser) {
        this.parser = parser;
    }

    /**
     * Runs {@code reading} over the whole body, then makes sure nothing follows the root value: the
     * body is read to its end, so that a digest of it covers all of it. Broken JSON is a 400 that says
     * where (Jackson's line and column).
     */
    public static <T> T read(InputStream body, Reading<T> reading) {
        try (JsonParser parser = JSON.createParser(body)) {
            ExportParser export = new ExportParser(parser);
            T result = reading.read(export);
            if (parser.nextToken() != null) {
                throw ApiException.unprocessable("body", "goes on after the export's closing brace: send one export");
            }
            return result;
        } catch (JsonProcessingException e) {
            throw ApiException.malformedJson(null, e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public JsonToken next() throws IOException {
        return parser.nextToken();
    }

    public JsonToken current() {
        return parser.currentToken();
    }

    public String fieldName() throws IOException {
        return parser.currentName();
    }

    /** Passes over the value at hand, with everything inside it. */
    public void skip() throws IOException {
        parser.skipChildren();
    }

    public void expect(JsonToken actual, JsonToken wanted, String where, String what) {
        if (actual != wanted) {
            throw ApiException.unprocessable(where, "must be " + what);
        }
    }

    public String text(JsonToken value, String where) throws IOException {
        expect(value, JsonToken.VALUE_STRING, where, "a string");
        return parser.getText();
    }

    /** A string, or null for JSON's null. */
    public String optionalText(JsonToken value, String where) throws IOException {
        return value == JsonToken.VALUE_NULL ? null : text(value, where);
    }

    /** A finite number; {@code unit} says what it counts, for the message. */
    public double number(JsonToken value, String where, String unit) throws IOException {
        if (value != JsonToken.VALUE_NUMBER_INT && value != JsonToken.VALUE_NUMBER_FLOAT) {
            throw ApiException.unprocessable(where, "must be a number of " + unit);
        }
        double number = parser.getDoubleValue();
        if (!Double.isFinite(number)) {
            throw ApiException.unprocessable(where, "must be a finite number of " + unit);
        }
        return number;
    }

    /** A whole number from 0 to {@code max}, or 0 for JSON's null. */
    public int count(JsonToken value, String where, int max) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return 0;
        }
        if (value != JsonToken.VALUE_NUMBER_INT) {
            throw ApiException.unprocessable(where, "must be a whole number");
        }
        boolean huge = parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER;
        long number = huge ? -1 : parser.getLongValue();
        if (number < 0 || number > max) {
            throw ApiException.unprocessable(where, "must be a whole number from 0 to " + max);
        }
        return (int) number;
    }
}
