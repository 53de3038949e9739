package org.craftline.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.OpenApi30;
import java.util.List;
import java.util.Map;

/**
 * The examples of an OpenAPI 3.0 document and the schemas they illustrate, checked with
 * networknt's json-schema-validator in its OpenAPI 3.0 dialect ({@code nullable} and the rest),
 * {@code $ref}s resolved within the document itself.
 */
final class Examples {

    /** Where the document is registered; nothing is fetched from it. */
    private static final String DOCUMENT = "https://craftline.invalid/api/openapi.json";

    interface Visitor {
        /** {@code schema} is the JSON pointer of the example's schema in the document. */
        void example(String where, JsonNode example, String schema);
    }

    private final JsonNode document;
    private final SchemaRegistry registry;

    Examples(JsonNode document) {
        this.document = document;
        this.registry = SchemaRegistry.withDialect(OpenApi30.getInstance(),
                builder -> builder.schemas(Map.of(DOCUMENT, document.toString())));
    }

    /**
     * Visits every example with its schema: a media type's example with the media type's schema,
     * a schema's own example with that schema. {@code where} is the example's JSON pointer.
     */
    void each(Visitor visitor) {
        walk(document, "#", visitor);
    }

    private static void walk(JsonNode node, String pointer, Visitor visitor) {
        if (!node.isContainerNode()) {
            return;
        }
        if (node.isObject() && node.has("example") && !pointer.endsWith("/properties")) {
            JsonNode schema = node.has("schema") ? node.get("schema") : node;
            String schemaPointer = schema.has("$ref") ? schema.get("$ref").asText()
                    : node.has("schema") ? pointer + "/schema" : pointer;
            visitor.example(pointer, node.get("example"), schemaPointer);
        }
        node.fields().forEachRemaining(field -> {
            if (!field.getKey().equals("example")) {
                walk(field.getValue(), pointer + "/" + field.getKey().replace("~", "~0").replace("/", "~1"), visitor);
            }
        });
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), pointer + "/" + i, visitor);
            }
        }
    }

    /**
     * The validator's complaints about {@code example} against the schema at {@code schemaPointer};
     * empty when it is valid.
     */
    List<String> errors(JsonNode example, String schemaPointer) {
        String fragment = schemaPointer.replace("{", "%7B").replace("}", "%7D");
        return registry.getSchema(SchemaLocation.of(DOCUMENT + fragment)).validate(example).stream()
                .map(Error::toString)
                .toList();
    }
}
