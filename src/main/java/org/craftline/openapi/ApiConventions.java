package org.craftline.openapi;

import com.fasterxml.jackson.annotation.JsonView;
import io.dropwizard.auth.Auth;
import io.swagger.v3.jaxrs2.ResolvedParameter;
import io.swagger.v3.jaxrs2.ext.AbstractOpenAPIExtension;
import io.swagger.v3.jaxrs2.ext.OpenAPIExtension;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.craftline.auth.Public;
import org.craftline.problem.Problem;
import org.craftline.problem.ProblemType;

/**
 * What the resources' annotations cannot tell swagger-core, told once for every operation: the
 * caller ({@code @Auth}) comes from the bearer token, not from the request body; {@link Public}
 * routes need no token; and the problem+json answers an operation can give follow
 * from what it takes, each with its {@link ProblemType}'s type, title and status.
 */
final class ApiConventions extends AbstractOpenAPIExtension {

    static final String PROBLEM_SCHEMA = "Problem";

    @Override
    public ResolvedParameter extractParameters(List<Annotation> annotations, Type type, Set<Type> typesToSkip,
                                               io.swagger.v3.oas.models.Components components,
                                               Consumes classConsumes, Consumes methodConsumes,
                                               boolean includeRequestBody, JsonView jsonViewAnnotation,
                                               Iterator<OpenAPIExtension> chain) {
        if (annotations.stream().anyMatch(Auth.class::isInstance)) {
            return new ResolvedParameter();
        }
        return super.extractParameters(annotations, type, typesToSkip, components, classConsumes, methodConsumes,
                includeRequestBody, jsonViewAnnotation, chain);
    }

    @Override
    public void decorateOperation(Operation operation, Method method, Iterator<OpenAPIExtension> chain) {
        boolean open = method.isAnnotationPresent(Public.class);
        if (open) {
            operation.setSecurity(List.of());
        }
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        for (ProblemType problem : problems(method, open)) {
            operation.getResponses().putIfAbsent(String.valueOf(problem.status()), response(problem));
        }
        super.decorateOperation(operation, method, chain);
    }

    /** The problems an operation can answer with, from what it takes and who may call it. */
    static Set<ProblemType> problems(Method method, boolean open) {
        Set<ProblemType> problems = EnumSet.of(ProblemType.NOT_ACCEPTABLE, ProblemType.INTERNAL);
        if (!open) {
            // Every token is looked up in the database, which may be out of reach or out of disk space,
            // and has a rate limit.
            problems.addAll(List.of(ProblemType.UNAUTHORIZED, ProblemType.UNAVAILABLE, ProblemType.INSUFFICIENT_STORAGE,
                    ProblemType.TOO_MANY_REQUESTS));
        }
        if (method.isAnnotationPresent(RolesAllowed.class)) {
            problems.add(ProblemType.FORBIDDEN);
        }
        List<Parameter> parameters = Arrays.asList(method.getParameters());
        if (parameters.stream().anyMatch(p -> p.isAnnotationPresent(QueryParam.class))) {
            problems.add(ProblemType.INVALID_PARAMETER);
        }
        if (parameters.stream().anyMatch(p -> p.isAnnotationPresent(PathParam.class))) {
            problems.add(ProblemType.NOT_FOUND);
        }
        if (parameters.stream().anyMatch(ApiConventions::isBody)) {
            problems.addAll(List.of(ProblemType.MALFORMED_JSON, ProblemType.INVALID, ProblemType.TOO_LARGE,
                    ProblemType.UNSUPPORTED_MEDIA_TYPE));
        }
        if (parameters.stream().anyMatch(p -> p.isAnnotationPresent(HeaderParam.class)
                && p.getAnnotation(HeaderParam.class).value().equals(HttpHeaders.IF_MATCH))) {
            problems.add(ProblemType.STALE);
            // A replacement needs If-Match; a delete takes it when given.
            if (method.isAnnotationPresent(PUT.class)) {
                problems.add(ProblemType.PRECONDITION_REQUIRED);
            }
        }
        return problems;
    }

    /** The entity: the one parameter JAX-RS fills from the body, which has no source annotation. */
    private static boolean isBody(Parameter parameter) {
        return Arrays.stream(parameter.getAnnotations()).noneMatch(a -> a.annotationType().getPackageName()
                .equals("jakarta.ws.rs") || a.annotationType().getPackageName().equals("jakarta.ws.rs.core")
                || a instanceof Auth);
    }

    private static ApiResponse response(ProblemType problem) {
        Schema<?> schema = new Schema<>().$ref("#/components/schemas/" + PROBLEM_SCHEMA);
        MediaType body = new MediaType().schema(schema).example(Map.of("type", problem.uri(), "title",
                problem.title(), "status", problem.status(), "detail", "What went wrong, in a sentence."));
        return new ApiResponse().description(problem.title() + " (" + problem.uri() + ")")
                .content(new Content().addMediaType(Problem.MEDIA_TYPE, body));
    }

    static SecurityRequirement bearer() {
        return new SecurityRequirement().addList(OpenApiDocument.BEARER);
    }
}
