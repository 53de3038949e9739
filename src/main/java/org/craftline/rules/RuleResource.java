package org.craftline.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.craftline.access.Caller;
import org.craftline.access.Role;
import org.craftline.http.ETags;
import org.craftline.step.Mode;
import org.craftline.worker.Worker;
import org.craftline.worker.Workers;

/**
 * A worker's rules for turning a tracker's records into steps. Its own root path, longer than
 * {@code /api/workers}, because JAX-RS picks the root resource with the longest literal path first.
 */
@Path("/workers/{handle}/rules")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RuleResource {

    private final Rules rules;
    private final Workers workers;

    public RuleResource(Rules rules, Workers workers) {
        this.rules = rules;
        this.workers = workers;
    }

    @Operation(summary = "The worker's rules, in order; ETag is their version (\"v0\" before the first save)",
            responses = @ApiResponse(responseCode = "200", description = "The rules",
                    content = @Content(schema = @Schema(implementation = RuleSet.class))))
    @GET
    @RolesAllowed({Role.Names.WORKER, Role.Names.ADMIN})
    public Response read(@Auth Caller caller, @PathParam("handle") String handle) {
        Rules.Versioned current = rules.read(workers.visibleTo(caller, handle));
        return Response.ok(current.rules()).tag(ETags.entityTag(current.version())).build();
    }

    @Operation(summary = "Replace the worker's rules; If-Match must carry the ETag of your last read",
            responses = @ApiResponse(responseCode = "200", description = "The rules as stored now; ETag is their new version",
                    content = @Content(schema = @Schema(implementation = RuleSet.class))))
    @PUT
    @RolesAllowed({Role.Names.WORKER, Role.Names.ADMIN})
    public Response replace(@Auth Caller caller, @PathParam("handle") String handle,
                            @HeaderParam(HttpHeaders.IF_MATCH) List<String> ifMatchLines,
                            @NotNull @Valid RuleSet body) {
        Worker owner = workers.visibleTo(caller, handle);
        String ifMatch = ETags.required(ifMatchLines, "the rules");
        Rules.Versioned saved = rules.replace(owner, body, ifMatch);
        return Response.ok(saved.rules()).tag(ETags.entityTag(saved.version())).build();
    }

    /** ActivityWatch's category export and the mode of each category (or of a parent, by its path). */
    public record FromCategories(@NotNull JsonNode categories, @NotNull Map<String, @NotNull Mode> modes) {
    }

    @Operation(summary = "Rules from an ActivityWatch category export; nothing is saved",
            description = "The body is {\"categories\": [...as ActivityWatch exports them], \"modes\": {\"Work>3D\": "
                    + "\"CRAFT\", \"Work\": \"EXECUTION\"}}. Each category with a regex becomes a rule on app and one "
                    + "on title (ActivityWatch searches both), the deepest first, with the mode of its own path or its "
                    + "nearest parent's. The answer lists the rules and each category left out, with why; review "
                    + "them, then PUT them (with your own) to save.",
            responses = @ApiResponse(responseCode = "200", description = "The rules made, and the categories skipped",
                    content = @Content(schema = @Schema(implementation = ActivityWatchCategories.Conversion.class))))
    @POST
    @Path("/from-activitywatch")
    @RolesAllowed({Role.Names.WORKER, Role.Names.ADMIN})
    public ActivityWatchCategories.Conversion fromCategories(@Auth Caller caller, @PathParam("handle") String handle,
                                                             @NotNull @Valid FromCategories body) {
        workers.visibleTo(caller, handle);
        ObjectNode export = JsonNodeFactory.instance.objectNode();
        export.set("categories", body.categories());
        return ActivityWatchCategories.toRules(export, body.modes());
    }
}
