package org.craftline;

import com.codahale.metrics.Counter;
import com.codahale.metrics.MetricRegistry;
import io.dropwizard.core.setup.Environment;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's hourly housekeeping (purging expired idempotency keys, publishing due team weeks),
 * each on a thread of its own that Dropwizard stops with the server. A scheduled task that throws
 * is never run again, silently: one database outage would have ended the purge for good. So a
 * failure is logged, with what the job was doing, counted in the metrics on the admin port
 * ({@code org.craftline.HourlyJobs.NAME.failures}), and the next hour runs as usual.
 */
final class HourlyJobs {

    private static final Logger LOG = LoggerFactory.getLogger(HourlyJobs.class);

    private HourlyJobs() {
    }

    /** Runs {@code job} every hour; {@code doing} says what it does, for the log line of a failure. */
    static void schedule(Environment environment, String name, String doing, Runnable job) {
        ScheduledExecutorService executor = environment.lifecycle().scheduledExecutorService(name).threads(1).build();
        // Nothing to learn from the future: the job handles its own failures, and the lifecycle stops it.
        ScheduledFuture<?> unused = executor.scheduleWithFixedDelay(
                survivingFailures(name, doing, job, failures(environment.metrics(), name)), 1, 60, TimeUnit.MINUTES);
    }

    /** The counter of {@code name}'s failures. */
    static Counter failures(MetricRegistry metrics, String name) {
        return metrics.counter(MetricRegistry.name(HourlyJobs.class, name, "failures"));
    }

    /** The job, with a failure logged and counted instead of ending its schedule. */
    static Runnable survivingFailures(String name, String doing, Runnable job, Counter failures) {
        return () -> {
            try {
                job.run();
            } catch (RuntimeException e) {
                failures.inc();
                LOG.warn("The hourly job {} failed while {}; it runs again in an hour", name, doing, e);
            }
        };
    }
}
