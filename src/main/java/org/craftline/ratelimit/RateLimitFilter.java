package org.craftline.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.craftline.access.Caller;
import org.craftline.http.RouteWeights;
import org.craftline.problem.ApiException;

/**
 * Limits each person to their own bucket (bucket4j, one per {@link Caller#person()}, in this
 * instance's memory): all of a worker's tokens draw on one bucket, so minting tokens buys no more
 * rate, and a noisy person empties only their own bucket and never slows another. Runs after
 * authentication, so the caller is known; requests without a token are refused with 401 before
 * they cost anything.
 *
 * <p>Every answer to a token carries the IETF draft's {@code RateLimit-Limit},
 * {@code RateLimit-Remaining} and {@code RateLimit-Reset} (seconds until the bucket is full again);
 * an empty bucket answers 429 with {@code Retry-After} (seconds until this request would fit).
 */
@Priority(Priorities.AUTHENTICATION + 1)
public final class RateLimitFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String PROBE = RateLimitFilter.class.getName() + ".probe";

    private final RateLimitsConfiguration limits;
    /** Buckets of the people seen lately; an idle person's bucket is full again long before it is dropped. */
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder().expireAfterAccess(1, TimeUnit.HOURS).build();

    public RateLimitFilter(RateLimitsConfiguration limits) {
        this.limits = limits;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (!(request.getSecurityContext().getUserPrincipal() instanceof Caller caller)) {
            return;
        }
        ConsumptionProbe probe = buckets.get(caller.person(), person -> newBucket())
                .tryConsumeAndReturnRemaining(cost(request));
        request.setProperty(PROBE, probe);
        if (!probe.isConsumed()) {
            throw ApiException.tooManyRequests("Your requests (all your tokens together) came to more than " + limits.getBurst()
                    + " at once or " + format(limits.getRequestsPerSecond()) + " a second; slow down and try again"
                    + " after Retry-After", secondsUp(probe.getNanosToWaitForRefill()));
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(PROBE) instanceof ConsumptionProbe probe) {
            MultivaluedMap<String, Object> headers = response.getHeaders();
            headers.putSingle("RateLimit-Limit", limits.getBurst());
            headers.putSingle("RateLimit-Remaining", probe.getRemainingTokens());
            long missing = limits.getBurst() - probe.getRemainingTokens();
            headers.putSingle("RateLimit-Reset", secondsUp((long) (missing / limits.getRequestsPerSecond() * 1e9)));
        }
    }

    private Bucket newBucket() {
        // One request back every 1/rate seconds, added as time passes rather than all at once.
        Duration perRequest = Duration.ofNanos(Math.max(1, Math.round(1e9 / limits.getRequestsPerSecond())));
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limits.getBurst()).refillGreedy(1, perRequest).build())
                .build();
    }

    /** Reports and exports read a lot, batches and imports write a lot: they take more from the bucket. */
    private long cost(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (RouteWeights.isBulkRead(path)) {
            return Math.min(limits.getReportCost(), limits.getBurst());
        }
        if (RouteWeights.isBulkWrite(path)) {
            return Math.min(limits.getBulkCost(), limits.getBurst());
        }
        return 1;
    }

    private static int secondsUp(long nanos) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(0, (nanos + 999_999_999L) / 1_000_000_000L));
    }

    private static String format(double perSecond) {
        return perSecond == Math.rint(perSecond) ? String.valueOf((long) perSecond) : String.valueOf(perSecond);
    }
}
