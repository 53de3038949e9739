package org.craftline.worker;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.craftline.access.Role;

/**
 * {@code GET /api/teams}: the teams and their sizes, so that an analyst picks a team instead of
 * typing its name. Counts only: who is in a team is for admins ({@code GET /api/workers}).
 */
@Path("/teams")
@Produces(MediaType.APPLICATION_JSON)
public class TeamResource {

    /** The answer: every team, by name. */
    public record Teams(List<Team> teams) {
    }

    private final WorkerDao workers;

    public TeamResource(WorkerDao workers) {
        this.workers = workers;
    }

    @Operation(summary = "The teams workers are in now, with their member counts (analysts and admins)",
            responses = @ApiResponse(responseCode = "200", description = "The teams, by name",
                    content = @Content(schema = @Schema(implementation = Teams.class))))
    @GET
    @RolesAllowed({Role.Names.ANALYST, Role.Names.ADMIN})
    public Teams list() {
        return new Teams(workers.teams());
    }
}
