package org.craftline.openapi;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.jaxrs2.Reader;
import io.swagger.v3.jaxrs2.ext.OpenAPIExtension;
import io.swagger.v3.jaxrs2.ext.OpenAPIExtensions;
import io.swagger.v3.oas.integration.SwaggerConfiguration;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.craftline.problem.Problem;

/**
 * The OpenAPI 3 description of the API, read by swagger-core from the resource classes the
 * application registered, so that it cannot drift from the code: paths, parameters, bodies and
 * their schemas come from the JAX-RS and validation annotations, summaries and success answers
 * from {@code @Operation}s, and the rest from {@link ApiConventions}.
 */
public final class OpenApiDocument {

    static final String BEARER = "bearer";
    static final String EXAMPLES = "/openapi/examples/";

    private OpenApiDocument() {
    }

    /**
     * The document as JSON, for the resources among the {@code registered} classes (those with a
     * {@code @Path}; Dropwizard registers each resource instance's class with Jersey).
     */
    public static String json(Set<Class<?>> registered) {
        Set<Class<?>> resources = new LinkedHashSet<>();
        for (Class<?> type : registered) {
            if (type.isAnnotationPresent(Path.class)) {
                resources.add(type);
            }
        }
        try {
            return Json.pretty(read(resources));
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot describe the API: " + e.getMessage(), e);
        }
    }

    // swagger-core keeps its extensions in static state on that class: a lock on it is the point.
    @SuppressWarnings("LockOnNonEnclosingClassLiteral")
    static OpenAPI read(Set<Class<?>> resources) {
        synchronized (OpenAPIExtensions.class) {
            return readInstalled(resources);
        }
    }

    /**
     * swagger-core keeps its extensions and model converters in static lists: ours go first,
     * once, while the caller holds the lock.
     */
    private static OpenAPI readInstalled(Set<Class<?>> resources) {
        ModelConverters converters = ModelConverters.getInstance();
        if (converters.getConverters().stream().noneMatch(NullableProperties.class::isInstance)) {
            converters.addConverter(new NullableProperties());
        }
        List<OpenAPIExtension> extensions = new ArrayList<>(OpenAPIExtensions.getExtensions());
        extensions.removeIf(ApiConventions.class::isInstance);
        extensions.add(0, new ApiConventions());
        OpenAPIExtensions.setExtensions(extensions);
        OpenAPI base = new OpenAPI()
                .info(new Info().title("Craftline API").version("1")
                        .description("Log work decomposed into craft and execution steps, and measure deskilling "
                                + "over time. Every error is application/problem+json.")
                        .license(new License().name("See the project's README")))
                .components(new Components()
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer")
                                .description("An API token: Authorization: Bearer <token>. Admins make worker "
                                        + "tokens with POST /api/workers/{handle}/tokens."))
                        .schemas(converters.read(Problem.class)))
                .addServersItem(new Server().url("/api").description("This server's API"))
                .addSecurityItem(ApiConventions.bearer());
        OpenAPI document = new Reader(new SwaggerConfiguration().openAPI(base).readAllResources(true)).read(resources);
        addExamples(document);
        return document;
    }

    /**
     * Each schema whose name has a file in {@code /openapi/examples/} gets it as its example. The
     * same files are the contract fixtures the tests hold the real API's output to, so an example
     * cannot show a shape the server does not produce.
     */
    private static void addExamples(OpenAPI document) {
        document.getComponents().getSchemas().forEach((name, schema) -> {
            try (InputStream in = OpenApiDocument.class.getResourceAsStream(EXAMPLES + name + ".json")) {
                if (in != null) {
                    schema.setExample(Json.mapper().readTree(in));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the example of " + name, e);
            }
        });
    }
}
