package org.craftline.rules;

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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.craftline.access.Caller;
import org.craftline.access.Role;
import org.craftline.http.ETags;
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
}
