package org.craftline.openapi;

import io.dropwizard.assets.AssetsBundle;
import io.dropwizard.core.setup.Bootstrap;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Swagger UI at {@code /api/docs/}: our page ({@code resources/swagger-ui-page}, which points it at
 * {@code /api/openapi.json}) and the WebJar's files under {@code /api/docs/swagger-ui/}. The
 * WebJar's folder carries its version, read from the WebJar itself so that the pom stays the one
 * place that names it.
 */
public final class SwaggerUi {

    private static final String WEBJAR = "/META-INF/maven/org.webjars/swagger-ui/pom.properties";

    private SwaggerUi() {
    }

    public static void addTo(Bootstrap<?> bootstrap) {
        bootstrap.addBundle(new AssetsBundle("/swagger-ui-page", "/api/docs", "index.html", "api-docs"));
        bootstrap.addBundle(new AssetsBundle("/META-INF/resources/webjars/swagger-ui/" + version(),
                "/api/docs/swagger-ui", null, "swagger-ui"));
    }

    static String version() {
        try (InputStream in = SwaggerUi.class.getResourceAsStream(WEBJAR)) {
            if (in == null) {
                throw new IllegalStateException("the swagger-ui WebJar is not on the class path");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
