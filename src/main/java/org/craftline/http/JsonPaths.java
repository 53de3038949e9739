package org.craftline.http;

import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.JsonMappingException.Reference;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** Writes a Jackson reference path the way a client reads its own JSON: {@code steps[2].minutes}. */
final class JsonPaths {

    private JsonPaths() {
    }

    static String of(List<Reference> path) {
        StringBuilder field = new StringBuilder();
        for (Reference reference : path) {
            if (reference.getFieldName() != null) {
                if (field.length() > 0) {
                    field.append('.');
                }
                field.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.length() == 0 ? "body" : field.toString();
    }

    /** Where a parser stood, the same way: {@code steps[0].minutes}; null at the top, outside any value. */
    static String of(JsonStreamContext context) {
        Deque<Object> parts = new ArrayDeque<>();
        for (JsonStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
            if (at.inArray()) {
                parts.addFirst(Math.max(0, at.getCurrentIndex()));
            } else if (at.getCurrentName() != null) {
                parts.addFirst(at.getCurrentName());
            }
        }
        StringBuilder path = new StringBuilder();
        for (Object part : parts) {
            if (part instanceof Integer index) {
                path.append('[').append(index).append(']');
            } else {
                path.append(path.length() == 0 ? "" : ".").append(part);
            }
        }
        return path.length() == 0 ? null : path.toString();
    }
}
