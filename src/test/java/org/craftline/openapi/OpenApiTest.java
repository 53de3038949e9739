package org.craftline.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.craftline.CraftlineConfiguration;
import org.craftline.testing.Http;
import org.craftline.testing.TestApp;
import org.craftline.problem.Problem;
import org.craftline.problem.ProblemType;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The OpenAPI document describes the API the server really routes: every resource method Jersey
 * registered appears with its path and HTTP method, a success answer and problem+json errors of the
 * listed types, and the bearer scheme guards everything but the document itself.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class OpenApiTest {

    static final DropwizardAppExtension<CraftlineConfiguration> APP = TestApp.extension();

    private JsonNode document() {
        Http.Reply answer = new Http(APP.getLocalPort()).get("/api/openapi.json");
        assertThat(answer.status()).as("open to callers without a token").isEqualTo(200);
        return answer.json();
    }

    @Test
    void everyRegisteredResourceMethod_isDescribed() {
        JsonNode paths = document().path("paths");
        List<String> routes = new ArrayList<>();
        for (Class<?> type : APP.getEnvironment().jersey().getResourceConfig().getClasses()) {
            if (type.isAnnotationPresent(Path.class)) {
                collect(Resource.from(type), "", routes);
            }
        }

        assertThat(routes).as("the routes Jersey registered").hasSizeGreaterThanOrEqualTo(18);
        Set<String> described = new TreeSet<>();
        paths.fields().forEachRemaining(path -> path.getValue().fieldNames()
                .forEachRemaining(method -> described.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));
        assertThat(described).containsExactlyInAnyOrderElementsOf(routes);
        assertThat(document().path("servers").get(0).path("url").asText()).as("paths are relative to it")
                .isEqualTo("/api");
    }

    @Test
    void everyOperation_hasASuccessAndOnlyListedProblems() {
        document().path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            String route = op.getKey() + " " + path.getKey();
            JsonNode responses = op.getValue().path("responses");
            List<String> codes = new ArrayList<>();
            responses.fieldNames().forEachRemaining(codes::add);
            assertThat(codes).as(route).anyMatch(code -> code.startsWith("2")).doesNotContain("default");
            assertThat(op.getValue().path("summary").asText()).as(route).isNotBlank();
            for (String code : codes) {
                if (code.startsWith("2")) {
                    continue;
                }
                JsonNode problem = responses.path(code).path("content").path(Problem.MEDIA_TYPE);
                assertThat(problem.path("schema").path("$ref").asText()).as(route + " " + code)
                        .isEqualTo("#/components/schemas/Problem");
                String uri = problem.path("example").path("type").asText();
                ProblemType type = Arrays.stream(ProblemType.values()).filter(t -> t.uri().equals(uri)).findFirst()
                        .orElseThrow(() -> new AssertionError(route + " " + code + ": unlisted type " + uri));
                assertThat(type.status()).as(route + " " + code).isEqualTo(Integer.parseInt(code));
            }
        }));
    }

    @Test
    void everyExample_validatesAgainstItsOwnSchema() {
        JsonNode document = document();
        Examples examples = new Examples(document);
        List<String> checked = new ArrayList<>();
        Map<String, List<String>> failures = new TreeMap<>();
        examples.each((where, example, schema) -> {
            checked.add(where);
            List<String> errors = examples.errors(example, schema);
            if (!errors.isEmpty()) {
                failures.put(where, errors);
            }
        });

        assertThat(checked).as("examples found").contains("#/components/schemas/TaskRequest",
                "#/components/schemas/Task", "#/components/schemas/DeskillingReport", "#/components/schemas/EventRequest",
                "#/components/schemas/Event", "#/components/schemas/CreateWorkerRequest", "#/components/schemas/Worker");
        assertThat(checked).as("problem examples too").anyMatch(where -> where.contains("/responses/422/"));
        assertThat(failures).isEmpty();

        JsonNode task = document.path("components").path("schemas").path("Task");
        ObjectNode broken = task.path("example").deepCopy();
        ((ObjectNode) broken.path("steps").get(0)).put("minutes", "sixty");
        ((ObjectNode) broken.path("steps").get(1)).put("mode", "craft");
        assertThat(examples.errors(broken, "#/components/schemas/Task")).as("a broken example fails").hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void theBearerScheme_guardsAllButTheDocument() {
        JsonNode document = document();
        assertThat(document.path("components").path("securitySchemes").path("bearer").path("scheme").asText())
                .isEqualTo("bearer");
        assertThat(document.path("security").get(0).has("bearer")).isTrue();
        JsonNode paths = document.path("paths");
        assertThat(paths.path("/openapi.json").path("get").path("security")).isEmpty();
        assertThat(paths.path("/tasks").path("post").has("security")).as("inherits the bearer scheme").isFalse();
        assertThat(paths.path("/tasks").path("post").path("responses").has("401")).isTrue();
        assertThat(paths.path("/tasks").path("post").path("requestBody").path("content")
                .path("application/json").path("schema").path("$ref").asText())
                .isEqualTo("#/components/schemas/TaskRequest");
        assertThat(document.path("components").path("schemas").path("Step").path("properties").has("minutes"))
                .isTrue();
    }

    @Test
    void swaggerUi_isServedWithEveryFileItLoads_andProtectingHeaders() {
        Http http = new Http(APP.getLocalPort());
        Http.Reply page = http.get("/api/docs/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        List<String> loaded = new ArrayList<>();
        Matcher references = Pattern.compile("(?:href|src)=\"([^\"]+)\"").matcher(page.body());
        while (references.find()) {
            loaded.add(references.group(1));
        }
        assertThat(loaded).contains("/api/docs/swagger-ui/swagger-ui-bundle.js", "/api/docs/init.js");
        for (String file : loaded) {
            assertThat(http.get(file).status()).as(file).isEqualTo(200);
        }
        for (Http.Reply reply : List.of(page, http.get("/api/tasks"))) {
            assertThat(reply.header("Content-Security-Policy")).contains("script-src 'self'", "frame-ancestors 'none'")
                    .doesNotContain("unsafe-inline");
            assertThat(reply.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(reply.header("Referrer-Policy")).isEqualTo("no-referrer");
        }
        assertThat(page.body()).doesNotContain("<script>", "style=");
    }

    /** "GET /api/tasks/{id}" for each resource method, path templates without their regular expressions. */
    private static void collect(Resource resource, String parent, List<String> routes) {
        String path = join(parent, resource.getPath());
        for (ResourceMethod method : resource.getResourceMethods()) {
            routes.add(method.getHttpMethod() + " " + withoutPatterns(path));
        }
        for (Resource child : resource.getChildResources()) {
            collect(child, path, routes);
        }
    }

    private static String join(String parent, String path) {
        String joined = (parent + "/" + (path == null ? "" : path)).replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }

    /** {@code {id: [0-9]{1,18}}} becomes {@code {id}}; braces inside the pattern are counted. */
    static String withoutPatterns(String path) {
        StringBuilder out = new StringBuilder();
        int depth = 0;
        boolean inPattern = false;
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '{') {
                depth++;
                if (depth == 1) {
                    out.append(c);
                    inPattern = false;
                    continue;
                }
            } else if (c == '}') {
                depth--;
                if (depth == 0) {
                    out.append(c);
                    continue;
                }
            } else if (c == ':' && depth == 1) {
                inPattern = true;
            }
            if (depth == 0 || (!inPattern && c != ' ')) {
                out.append(c);
            }
        }
        return out.toString();
    }
}
