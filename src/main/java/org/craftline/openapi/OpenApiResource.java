package org.craftline.openapi;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.function.Supplier;
import org.craftline.auth.Public;

/** The OpenAPI document at {@code /api/openapi.json}, open to all; Swagger UI at {@code /api/docs/} reads it. */
@Path("/openapi.json")
public class OpenApiResource {

    private final Supplier<String> document;
    private volatile String json;

    /** @param document builds the document; called once, at the first request, when every resource is registered */
    public OpenApiResource(Supplier<String> document) {
        this.document = document;
    }

    @GET
    @Public
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "This API's OpenAPI 3 description",
            responses = @ApiResponse(responseCode = "200", description = "The description, as this document",
                    content = @Content(schema = @Schema(type = "object"))))
    public String openApi() {
        String built = json;
        if (built == null) {
            built = document.get();
            json = built;
        }
        return built;
    }
}
