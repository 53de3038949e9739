package org.craftline.ratelimit;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;

/**
 * How fast one token may call the API: a bucket of {@code burst} requests that refills at
 * {@code requestsPerSecond}. Most requests take one from it; a report, an export, a batch and an
 * import take more, since each does the work of many.
 */
public class RateLimitsConfiguration {

    @DecimalMin("0.001")
    private double requestsPerSecond = 20;

    @Min(1)
    private long burst = 100;

    /** What a report or an export takes from the bucket. */
    @Min(1)
    private long reportCost = 5;

    /** What a batch of tasks or a tracker import takes from the bucket. */
    @Min(1)
    private long bulkCost = 10;

    @JsonProperty
    public double getRequestsPerSecond() {
        return requestsPerSecond;
    }

    @JsonProperty
    public void setRequestsPerSecond(double requestsPerSecond) {
        this.requestsPerSecond = requestsPerSecond;
    }

    @JsonProperty
    public long getBurst() {
        return burst;
    }

    @JsonProperty
    public void setBurst(long burst) {
        this.burst = burst;
    }

    @JsonProperty
    public long getReportCost() {
        return reportCost;
    }

    @JsonProperty
    public void setReportCost(long reportCost) {
        this.reportCost = reportCost;
    }

    @JsonProperty
    public long getBulkCost() {
        return bulkCost;
    }

    @JsonProperty
    public void setBulkCost(long bulkCost) {
        this.bulkCost = bulkCost;
    }
}
