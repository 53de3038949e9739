package org.craftline.http;

import io.dropwizard.jersey.validation.ConstraintMessage;
import io.dropwizard.jersey.validation.JerseyViolationException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.lang.annotation.Annotation;
import java.lang.reflect.Parameter;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.craftline.problem.Problem.FieldError;
import org.craftline.problem.ProblemType;
import org.glassfish.jersey.server.model.Invocable;

/**
 * Bean Validation failures: 422 for a request body, 400 for parameters, every failed field listed
 * by its JSON path. A missing body is a malformed request (400), not an invalid one.
 */
final class ViolationExceptionMapper implements ExceptionMapper<JerseyViolationException> {

    @Override
    public Response toResponse(JerseyViolationException exception) {
        Invocable invocable = exception.getInvocable();
        if (exception.getConstraintViolations().stream().anyMatch(v -> isMissingBody(v, invocable))) {
            return ProblemType.MALFORMED_JSON.problem(
                    "The request body is required: send one JSON object").toResponse();
        }
        List<FieldError> errors = exception.getConstraintViolations().stream()
                .map(v -> {
                    String field = field(v.getPropertyPath(), invocable);
                    return new FieldError(field, ViolationWords.of(v, field));
                })
                .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
                .toList();
        // Dropwizard's rule: 422 when the request body is at fault, 400 when a parameter is.
        ProblemType type = ConstraintMessage.determineStatus(exception.getConstraintViolations(), invocable) == 422
                ? ProblemType.INVALID : ProblemType.INVALID_PARAMETER;
        String detail = errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining(" "));
        return type.problem(detail, errors).toResponse();
    }

    private static boolean isMissingBody(ConstraintViolation<?> violation, Invocable invocable) {
        Path.Node last = null;
        for (Path.Node node : violation.getPropertyPath()) {
            last = node;
        }
        return last != null && last.getKind() == ElementKind.PARAMETER && violation.getInvalidValue() == null
                && parameterName(last, invocable) == null;
    }

    private static String field(Path path, Invocable invocable) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : path) {
            switch (node.getKind()) {
                case PARAMETER -> {
                    String name = parameterName(node, invocable);
                    if (name != null) {
                        field.append(name);
                    }
                }
                case PROPERTY, CONTAINER_ELEMENT, BEAN -> {
                    if (node.isInIterable()) {
                        field.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
                    }
                    if (node.getKind() == ElementKind.PROPERTY && node.getName() != null) {
                        field.append(field.length() == 0 ? "" : ".").append(node.getName());
                    }
                }
                default -> {
                    // the method node says which Java method ran: nothing a client needs
                }
            }
        }
        return field.length() == 0 ? "body" : field.toString();
    }

    /** The HTTP name of a query, path or header parameter; null for the request body. */
    private static String parameterName(Path.Node node, Invocable invocable) {
        int index = node.as(Path.ParameterNode.class).getParameterIndex();
        Parameter parameter = invocable.getHandlingMethod().getParameters()[index];
        for (Annotation annotation : parameter.getAnnotations()) {
            if (annotation instanceof QueryParam query) {
                return query.value();
            }
            if (annotation instanceof PathParam path) {
                return path.value();
            }
            if (annotation instanceof HeaderParam header) {
                return header.value();
            }
        }
        return null;
    }
}
