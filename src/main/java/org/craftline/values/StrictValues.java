package org.craftline.values;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * How request bodies read dates, instants and text: by {@link Dates} and {@link TextRules}, so a
 * date is an ISO string in range (not a number, an array or year 0) and text holds only characters
 * every output can carry. A refusal is a Jackson mapping error with the field's path, which
 * {@code JsonExceptionMapper} answers as 422 naming the field.
 */
final class StrictValues {

    private StrictValues() {
    }

    static SimpleModule module() {
        SimpleModule module = new SimpleModule("craftline-strict-values");
        module.addDeserializer(LocalDate.class, new StdDeserializer<>(LocalDate.class) {
            @Override
            public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                String text = stringOrFail(parser, context, LocalDate.class);
                LocalDate date = Dates.parse(text);
                return date != null ? date
                        : (LocalDate) context.handleWeirdStringValue(LocalDate.class, text, "must be " + Dates.RULE);
            }
        });
        module.addDeserializer(Instant.class, new StdDeserializer<>(Instant.class) {
            @Override
            public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                String text = stringOrFail(parser, context, Instant.class);
                Instant instant = Dates.parseInstant(text);
                return instant != null ? instant
                        : (Instant) context.handleWeirdStringValue(Instant.class, text, "must be " + Dates.INSTANT_RULE);
            }
        });
        module.addDeserializer(String.class, new Text());
        return module;
    }

    private static String stringOrFail(JsonParser parser, DeserializationContext context, Class<?> type)
            throws IOException {
        if (parser.currentToken() != JsonToken.VALUE_STRING) {
            return (String) context.handleUnexpectedToken(type, parser);
        }
        return parser.getText();
    }

    /** Strings as Jackson reads them, then held to {@link TextRules}. */
    private static final class Text extends JsonDeserializer<String> {
        private final JsonDeserializer<String> standard = StringDeserializer.instance;

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = standard.deserialize(parser, context);
            if (text != null && !TextRules.isAllowed(text)) {
                return (String) context.handleWeirdStringValue(String.class, text, TextRules.RULE);
            }
            return text;
        }
    }
}
