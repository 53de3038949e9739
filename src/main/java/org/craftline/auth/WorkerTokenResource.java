package org.craftline.auth;

import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.craftline.access.Caller;
import org.craftline.access.Role;
import org.craftline.problem.ApiException;
import org.craftline.worker.Worker;
import org.craftline.worker.Workers;

/**
 * A worker's tokens. Its own root path, longer than {@code /api/workers}, because JAX-RS picks the
 * root resource with the longest literal path first and never comes back.
 */
@Path("/workers/{handle}/tokens")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WorkerTokenResource {

    private final TokenDao tokens;
    private final TokenIssuer issuer;
    private final Workers workers;

    public WorkerTokenResource(TokenDao tokens, TokenIssuer issuer, Workers workers) {
        this.tokens = tokens;
        this.issuer = issuer;
        this.workers = workers;
    }

    /** An admin makes tokens of any role for anyone; a worker makes WORKER tokens for themselves. */
    @Operation(summary = "Make a token for the worker; its secret is shown only in this answer",
            responses = @ApiResponse(responseCode = "201", description = "The new token, with its secret",
                    content = @Content(schema = @Schema(implementation = IssuedToken.class))))
    @POST
    @RolesAllowed({Role.Names.WORKER, Role.Names.ADMIN})
    public Response create(@Auth Caller caller, @PathParam("handle") String handle,
                           @Valid CreateTokenRequest body) {
        Worker owner = workers.visibleTo(caller, handle);
        CreateTokenRequest request = body == null ? CreateTokenRequest.DEFAULT : body;
        if (!caller.isAdmin() && request.roleOrDefault() != Role.WORKER) {
            throw ApiException.forbidden("A worker token can only make WORKER tokens; ask an admin for "
                    + request.roleOrDefault());
        }
        IssuedToken issued = issuer.issue(owner, request.roleOrDefault(), request.expiresAt(), request.label());
        return Response.status(Response.Status.CREATED).entity(issued).build();
    }

    /** The tokens' ids, prefixes and dates; never a secret, which is not stored. */
    @Operation(summary = "The worker's tokens, without secrets",
            responses = @ApiResponse(responseCode = "200", description = "The tokens",
                    content = @Content(schema = @Schema(implementation = Listing.class))))
    @GET
    @RolesAllowed({Role.Names.WORKER, Role.Names.ADMIN})
    public Listing list(@Auth Caller caller, @PathParam("handle") String handle) {
        return new Listing(tokens.listByWorker(workers.visibleTo(caller, handle).id()));
    }

    @Schema(name = "TokenListing")
    public record Listing(List<TokenView> items) {
    }
}
