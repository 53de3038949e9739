package org.craftline.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.craftline.problem.ApiException;
import org.craftline.problem.ProblemType;
import org.craftline.values.Dates;
import org.craftline.values.TextRules;

/**
 * Bodies Jackson cannot read. Broken JSON syntax and an empty body are 400; JSON that parses but
 * does not fit the request (unknown property, wrong type, unknown enum value) is 422 with the field
 * named, the same status as a failed bean validation.
 */
final class JsonExceptionMapper implements ExceptionMapper<JsonProcessingException> {

    @Override
    public Response toResponse(JsonProcessingException exception) {
        // Jackson wraps what the body stream throws, such as the size limit's 413.
        for (Throwable cause = exception.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof ApiException api) {
                return api.response();
            }
        }
        // Broken syntax or a key twice, at any depth: Jackson wraps what a nested value's parser
        // throws in a mapping exception, which would otherwise read as a value of the wrong type.
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof StreamReadException syntax) {
                return ApiException.malformedJson(syntax.getProcessor() == null ? null
                        : JsonPaths.of(syntax.getProcessor().getParsingContext()), syntax.getOriginalMessage()).response();
            }
        }
        if (!(exception instanceof JsonMappingException mapping)) {
            return ApiException.malformedJson(null, exception.getOriginalMessage()).response();
        }
        if (mapping instanceof MismatchedInputException && mapping.getPath().isEmpty()) {
            return 
                    ProblemType.MALFORMED_JSON.problem("The request body must be one JSON object").toResponse();
        }
        return ApiException.unprocessable(JsonPaths.of(mapping.getPath()), messageFor(mapping)).response();
    }

    private static String messageFor(JsonMappingException exception) {
        if (exception instanceof UnrecognizedPropertyException unknown) {
            return "is not a known property (known: " + unknown.getKnownPropertyIds().stream()
                    .map(Object::toString).sorted().collect(Collectors.joining(", ")) + ")";
        }
        if (exception instanceof InvalidFormatException invalid && invalid.getTargetType() == String.class) {
            return TextRules.RULE;
        }
        if (exception instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return "must be " + describe(mismatch.getTargetType())
                    + (exception instanceof InvalidFormatException invalid ? ", not " + quote(invalid.getValue()) : "");
        }
        return "has the wrong type";
    }

    private static String describe(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == LocalDate.class) {
            return Dates.RULE;
        }
        if (type == Instant.class) {
            return Dates.INSTANT_RULE;
        }
        if (type == String.class) {
            return "a string";
        }
        if (List.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "a JSON object";
    }

    private static String quote(Object value) {
        return value instanceof String ? "\"" + value + "\"" : String.valueOf(value);
    }
}
