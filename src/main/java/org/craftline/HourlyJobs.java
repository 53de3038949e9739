package org.craftline;

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
 * failure is logged and the next hour runs as usual.
 */
final class HourlyJobs {

    private static final Logger LOG = LoggerFactory.getLogger(HourlyJobs.class);

    private HourlyJobs() {
    }

    static void schedule(Environment environment, String name, Runnable job) {
        ScheduledExecutorService executor = environment.lifecycle().scheduledExecutorService(name).threads(1).build();
        // Nothing to learn from the future: the job handles its own failures, and the lifecycle stops it.
        ScheduledFuture<?> unused = executor.scheduleWithFixedDelay(survivingFailures(name, job), 1, 60,
                TimeUnit.MINUTES);
    }

    /** The job, with a failure logged instead of ending its schedule. */
    static Runnable survivingFailures(String name, Runnable job) {
        return () -> {
            try {
                job.run();
            } catch (RuntimeException e) {
                LOG.warn("{} failed; it runs again in an hour", name, e);
            }
        };
    }
}
