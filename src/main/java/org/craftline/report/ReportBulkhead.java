package org.craftline.report;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import org.craftline.access.Caller;
import org.craftline.problem.ApiException;

/**
 * Bounds how many reports run at once, in total and per person ({@link Caller#person()}: all of
 * a worker's tokens together; {@code maxPerToken} keeps its name for existing configurations),
 * so that no caller (a worker group reading a team report, one diligent person, a script) can
 * take the database connections that writes and cheap reads need. A report over a limit is
 * refused at once, never queued: 429 when this person already runs their share, 503 when the
 * service runs all it may; both say when to try again. The limits hold per instance; several
 * instances each keep their own.
 */
public final class ReportBulkhead {

    /** Most reports take milliseconds; a second is long enough for one to finish. */
    static final int RETRY_AFTER_SECONDS = 1;

    private final int maxConcurrent;
    private final int maxPerToken;
    private final Semaphore total;
    private final ConcurrentHashMap<String, Integer> runningByPerson = new ConcurrentHashMap<>();

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
        String person = caller.person();
        boolean[] admitted = {false};
        runningByPerson.compute(person, (key, running) -> {
            int now = running == null ? 0 : running;
            if (now >= maxPerToken) {
                return running;
            }
            admitted[0] = true;
            return now + 1;
        });
        if (!admitted[0]) {
            throw ApiException.tooManyRequests("You already have " + maxPerToken
                    + " report(s) running (all your tokens together); wait for one to finish", RETRY_AFTER_SECONDS);
        }
        if (!total.tryAcquire()) {
            leave(person);
            throw ApiException.unavailable("The service is running as many reports as it can at once; "
                    + "try again in a moment", RETRY_AFTER_SECONDS);
        }
        return () -> {
            total.release();
            leave(person);
        };
    }

    /** How many reports run now, for tests and diagnosis. */
    int running() {
        return runningByPerson.values().stream().mapToInt(Integer::intValue).sum();
    }

    private void leave(String person) {
        runningByPerson.computeIfPresent(person, (key, running) -> running == 1 ? null : running - 1);
    }
}
