package org.craftline.report;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import org.craftline.access.Caller;
import org.craftline.problem.ApiException;

/**
 * Bounds how many reports run at once, in total and per token, so that no caller (a worker group
 * reading a team report, one diligent person, a script) can take the database connections that
 * writes and cheap reads need. A report over a limit is refused at once, never queued: 429 when
 * this token already runs its share, 503 when the service runs all it may; both say when to try
 * again. The limits hold per instance; several instances each keep their own.
 */
public final class ReportBulkhead {

    /** Most reports take milliseconds; a second is long enough for one to finish. */
    static final int RETRY_AFTER_SECONDS = 1;

    private final int maxConcurrent;
    private final int maxPerToken;
    private final Semaphore total;
    private final ConcurrentHashMap<Long, Integer> runningByToken = new ConcurrentHashMap<>();

    public ReportBulkhead(int maxConcurrent, int maxPerToken) {
        if (maxConcurrent < 1 || maxPerToken < 1) {
            throw new IllegalArgumentException("report limits must be at least 1");
        }
        this.maxConcurrent = maxConcurrent;
        this.maxPerToken = maxPerToken;
        this.total = new Semaphore(maxConcurrent);
    }

    int maxConcurrent() {
        return maxConcurrent;
    }

    /** One running report; closing it frees its place. */
    public interface Permit extends AutoCloseable {
        @Override
        void close();
    }

    /** A place for one report of this caller, or an {@link ApiException} (429 or 503) at once. */
    public Permit enter(Caller caller) {
        long token = caller.tokenId();
        boolean[] admitted = {false};
        runningByToken.compute(token, (key, running) -> {
            int now = running == null ? 0 : running;
            if (now >= maxPerToken) {
                return running;
            }
            admitted[0] = true;
            return now + 1;
        });
        if (!admitted[0]) {
            throw ApiException.tooManyRequests("This token already has " + maxPerToken
                    + " report(s) running; wait for one to finish", RETRY_AFTER_SECONDS);
        }
        if (!total.tryAcquire()) {
            leave(token);
            throw ApiException.unavailable("The service is running as many reports as it can at once; "
                    + "try again in a moment", RETRY_AFTER_SECONDS);
        }
        return () -> {
            total.release();
            leave(token);
        };
    }

    /** How many reports run now, for tests and diagnosis. */
    int running() {
        return runningByToken.values().stream().mapToInt(Integer::intValue).sum();
    }

    private void leave(long token) {
        runningByToken.computeIfPresent(token, (key, running) -> running == 1 ? null : running - 1);
    }
}
