package org.craftline.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Min;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** How many reports may run at once; see {@link ReportBulkhead}. */
public class ReportsConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(ReportsConfiguration.class);

    /** Reports running at once on this instance; must leave pool connections for everything else. */
    @Min(1)
    private int maxConcurrent = 4;

    /** Reports one token may run at once. */
    @Min(1)
    private int maxPerToken = 2;

    @JsonProperty
    public int getMaxConcurrent() {
        return maxConcurrent;
    }

    @JsonProperty
    public void setMaxConcurrent(int maxConcurrent) {
        this.maxConcurrent = maxConcurrent;
    }

    @JsonProperty
    public int getMaxPerToken() {
        return maxPerToken;
    }

    @JsonProperty
    public void setMaxPerToken(int maxPerToken) {
        this.maxPerToken = maxPerToken;
    }

    /**
     * The bulkhead these limits describe. Reports never get every pooled connection, so that
     * writes and cheap reads always find one: a limit at or above the pool size is lowered to one
     * below it (to 1 for a pool of one), with a warning.
     */
    public ReportBulkhead bulkhead(int poolSize) {
        int allowed = Math.max(1, Math.min(maxConcurrent, poolSize - 1));
        if (allowed < maxConcurrent) {
            LOG.warn("reports.maxConcurrent ({}) would let reports take every one of the {} pooled connections; "
                    + "running at most {} at once", maxConcurrent, poolSize, allowed);
        }
        return new ReportBulkhead(allowed, maxPerToken);
    }
}
