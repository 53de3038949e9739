package org.craftline.report;

import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.craftline.common.ApiException;
import org.craftline.common.Caller;
import org.craftline.common.Params;
import org.craftline.common.Role;
import org.craftline.worker.Worker;
import org.craftline.worker.WorkerDao;
import org.craftline.worker.Workers;

@Path("/api/reports")
@Produces(MediaType.APPLICATION_JSON)
public class ReportResource {

    /** Bounds the work one request can ask for: at most about 260 weeks or 60 months. */
    static final int MAX_YEARS = 5;

    private final ReportDao reports;
    private final WorkerDao workers;
    private final Clock clock;
    private final int minGroupSize;

    public ReportResource(ReportDao reports, WorkerDao workers, Clock clock, int minGroupSize) {
        this.reports = reports;
        this.workers = workers;
        this.clock = clock;
        this.minGroupSize = minGroupSize;
    }

    /**
     * One worker's report ({@code worker=}: that worker or an admin) or a team's aggregate
     * ({@code team=}: analysts and admins, with small groups suppressed).
     */
    @GET
    @Path("/deskilling")
    @RolesAllowed({Role.Names.WORKER, Role.Names.ANALYST, Role.Names.ADMIN})
    public DeskillingReport deskilling(@Auth Caller caller,
                                       @QueryParam("worker") String worker,
                                       @QueryParam("team") String team,
                                       @QueryParam("from") String from,
                                       @QueryParam("to") String to,
                                       @QueryParam("bucket") String bucket) {
        String handle = Params.text(worker);
        String teamName = Params.text(team);
        if ((handle == null) == (teamName == null)) {
            throw ApiException.badParameter("worker", "or team is required, not both: whose work the report describes");
        }
        Bucket size = Params.enumValue("bucket", bucket, Bucket.class);
        size = size == null ? Bucket.WEEK : size;
        LocalDate toDate = Params.date("to", to);
        toDate = toDate == null ? LocalDate.now(clock) : toDate;
        LocalDate fromDate = Params.date("from", from);
        fromDate = fromDate == null ? toDate.minusYears(1).plusDays(1) : fromDate;
        Params.requireOrdered(fromDate, toDate);
        if (fromDate.plusYears(MAX_YEARS).isBefore(toDate)) {
            throw ApiException.badParameter("from", "must be at most " + MAX_YEARS + " years before to");
        }
        List<Period> periods = Period.covering(size, fromDate, toDate);
        return teamName == null
                ? workerReport(caller, handle, fromDate, toDate, size, periods)
                : teamReport(caller, teamName, fromDate, toDate, size, periods);
    }

    private DeskillingReport workerReport(Caller caller, String handle, LocalDate from, LocalDate to, Bucket bucket,
                                          List<Period> periods) {
        if (caller.role() == Role.ANALYST) {
            throw ApiException.forbidden("Analysts read team aggregates only (team=), never one worker's data");
        }
        Worker subject = Workers.visibleTo(caller, workers, handle);
        List<DailyTotals> days = reports.dailyTotals(subject.id(), Series.firstDay(periods), Series.lastDay(periods));
        return new DeskillingReport(new DeskillingReport.Subject(subject.handle(), null), from, to, bucket,
                Series.of(periods, days));
    }

    private DeskillingReport teamReport(Caller caller, String team, LocalDate from, LocalDate to, Bucket bucket,
                                        List<Period> periods) {
        if (caller.role() == Role.WORKER) {
            throw ApiException.forbidden("Team aggregates are for analysts and admins");
        }
        List<PeriodTotals> totals = reports.teamTotals(team, periods);
        return new DeskillingReport(new DeskillingReport.Subject(null, team), from, to, bucket,
                Series.ofTeam(periods, totals, minGroupSize));
    }
}
