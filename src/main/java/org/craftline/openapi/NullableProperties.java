package org.craftline.openapi;

import com.fasterxml.jackson.databind.JavaType;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Says in the schemas which fields may be null, as the server writes them: a record's component
 * of a non-primitive type that validation does not require ({@code "tool": null} in a step,
 * {@code "craftShare": null} in an empty period). OpenAPI 3.0 spells it {@code nullable: true},
 * and an enum that may be null lists null among its values. Primitive components (an id, a
 * version) never are.
 */
final class NullableProperties implements ModelConverter {

    @Override
    public Schema<?> resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        Schema<?> resolved = chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
        JavaType javaType = Json.mapper().constructType(type.getType());
        if (resolved == null || !javaType.getRawClass().isRecord()) {
            return resolved;
        }
        Schema<?> model = resolved.get$ref() == null ? resolved
                : context.getDefinedModels().get(resolved.get$ref().substring(resolved.get$ref().lastIndexOf('/') + 1));
        if (model != null && model.getProperties() != null) {
            for (RecordComponent component : javaType.getRawClass().getRecordComponents()) {
                Schema<?> property = model.getProperties().get(component.getName());
                boolean required = model.getRequired() != null && model.getRequired().contains(component.getName());
                if (property != null && !required && !component.getType().isPrimitive()) {
                    allowNull(property);
                }
            }
        }
        return resolved;
    }

    @SuppressWarnings("unchecked")
    private static void allowNull(Schema<?> property) {
        property.setNullable(true);
        if (property.getEnum() != null && !property.getEnum().contains(null)) {
            List<Object> values = new ArrayList<>(property.getEnum());
            values.add(null);
            ((Schema<Object>) property).setEnum(values);
        }
    }
}
