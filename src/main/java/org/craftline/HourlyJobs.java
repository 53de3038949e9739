package org.craftline;

import com.codahale.metrics.Counter;
import com.codahale.metrics.MetricRegistry;
import io.dropwizard.core.setup.Environment;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's housekeeping: hourly, purging expired idempotency keys and publishing due team
 * weeks; on H2, four times a second, the file's upkeep ({@code db/H2Housekeeping}). Each job runs on a
 * thread of its own that Dropwizard stops with the server. A scheduled task that throws
 * is never run again, silently: one database outage would have ended the purge for good. So a
 * failure is logged, with what the job was doing, counted in the metrics on the admin port
 * ({@code org.craftline.HourlyJobs.NAME.failures}), and the next run goes ahead as usual.
 */
final class HourlyJobs {

    private static final Logger LOG = LoggerFactory.getLogger(HourlyJobs.class);

    private HourlyJobs() {
    }

    /** Runs {@code job} every hour; {@code doing} says what it does, for the log line of a failure. */
    static void schedule(Environment environment, String name, String doing, Runnable job) {
        schedule(environment, name, doing, job, Duration.ofHours(1));
    }

    /** Runs {@code job} every {@code period}, the first time one period after the start. */
    static void schedule(Environment environment, String name, String doing, Runnable job, Duration period) {
        ScheduledExecutorService executor = environment.lifecycle().scheduledExecutorService(name).threads(1).build();
        // Nothing to learn from the future: the job handles its own failures, and the lifecycle stops it.
        ScheduledFuture<?> unused = executor.scheduleWithFixedDelay(
                survivingFailures(name, doing, job, failures(environment.metrics(), name)), period.toMillis(),
                period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The counter of {@code name}'s failures. */
    static Counter failures(MetricRegistry metrics, String name) {
        return metrics.counter(MetricRegistry.name(HourlyJobs.class, name, "failures"));
    }

    /**
     * The job, with a failure counted instead of ending its schedule. The first failure of a run of
     * them is logged as a warning with its cause, the rest at debug, and the run that works again
     * says so: a job that runs every second would otherwise log a stack trace every second for as
     * long as, say, the disk is full.
     */
    static Runnable survivingFailures(String name, String doing, Runnable job, Counter failures) {
        AtomicInteger failedInARow = new AtomicInteger();
        return () -> {
            try {
                job.run();
            } catch (RuntimeException e) {
                failures.inc();
                if (failedInARow.getAndIncrement() == 0) {
                    LOG.warn("The scheduled job {} failed while {}; it runs again at its next time", name, doing, e);
                } else {
                    LOG.debug("The scheduled job {} failed again while {}: {}", name, doing, e.toString());
                }
                return;
            }
            int failed = failedInARow.getAndSet(0);
            if (failed > 0) {
                LOG.info("The scheduled job {} works again, after {} failed runs", name, failed);
            }
        };
    }
}
