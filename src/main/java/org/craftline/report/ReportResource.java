package org.craftline.report;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.craftline.common.ApiException;
import org.craftline.common.Params;
import org.craftline.worker.Worker;
import org.craftline.worker.WorkerDao;

@Path("/api/reports")
@Produces(MediaType.APPLICATION_JSON)
public class ReportResource {

    /** Bounds the work one request can ask for: at most about 260 weeks or 60 months. */
    static final int MAX_YEARS = 5;

    private final ReportDao reports;
    private final WorkerDao workers;
    private final Clock clock;

    public ReportResource(ReportDao reports, WorkerDao workers, Clock clock) {
        this.reports = reports;
        this.workers = workers;
        this.clock = clock;
    }

    @GET
    @Path("/deskilling")
    public DeskillingReport deskilling(@QueryParam("worker") String worker,
                                       @QueryParam("from") String from,
                                       @QueryParam("to") String to,
                                       @QueryParam("bucket") String bucket) {
        String handle = Params.text(worker);
        if (handle == null) {
            throw ApiException.badParameter("worker", "is required: the handle whose work the report describes");
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
        Worker subject = workers.findByHandle(handle)
                .orElseThrow(() -> ApiException.notFound("No worker with handle '" + handle + "'"));

        List<Period> periods = Period.covering(size, fromDate, toDate);
        List<DailyTotals> days = reports.dailyTotals(subject.id(), Series.firstDay(periods), Series.lastDay(periods));
        return new DeskillingReport(new DeskillingReport.Subject(subject.handle(), null), fromDate, toDate, size,
                Series.of(periods, days));
    }
}
