package org.craftline.auth;

import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.craftline.access.Caller;
import org.craftline.access.Role;
import org.craftline.problem.ApiException;

/** Who am I, and revoking a token by its id. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class TokenResource {

    private final TokenDao tokens;
    private final TokenIssuer issuer;

    public TokenResource(TokenDao tokens, TokenIssuer issuer) {
        this.tokens = tokens;
        this.issuer = issuer;
    }

    @Operation(summary = "Who the token belongs to, and its role",
            responses = @ApiResponse(responseCode = "200", description = "The caller",
                    content = @Content(schema = @Schema(implementation = Me.class))))
    @GET
    @Path("/me")
    @PermitAll
    public Me me(@Auth Caller caller) {
        return new Me(caller.handle(), caller.role(), caller.tokenId());
    }

    /** Who the token in this request belongs to; {@code handle} is null for the bootstrap admin token. */
    public record Me(String handle, Role role, long tokenId) {
    }

    /** Revokes the token: it stops working on the next request. The row stays, for the record. */
    @Operation(summary = "Revoke a token",
            responses = @ApiResponse(responseCode = "204", description = "Revoked; the token stops working on the next request"))
    @DELETE
    @Path("/tokens/{id: [0-9]{1,18}}")
    @RolesAllowed({Role.Names.WORKER, Role.Names.ADMIN})
    public Response revoke(@Auth Caller caller, @PathParam("id") long id) {
        TokenDao.TokenOwner token = tokens.findOwner(id)
                .filter(owner -> caller.mayAccess(owner.workerId()))
                .orElseThrow(() -> ApiException.notFound("No token with id " + id));
        issuer.revoke(token.id());
        return Response.noContent().build();
    }
}
