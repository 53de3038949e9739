package org.craftline;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.Configuration;
import io.dropwizard.db.DataSourceFactory;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.craftline.auth.AuthConfiguration;
import org.craftline.db.DatabaseSafetyConfiguration;
import org.craftline.idempotency.IdempotencyConfiguration;
import org.craftline.imports.ImportsConfiguration;
import org.craftline.ratelimit.RateLimitsConfiguration;
import org.craftline.report.PrivacyConfiguration;
import org.craftline.report.ReportsConfiguration;
import org.craftline.timer.TimerConfiguration;

public class CraftlineConfiguration extends Configuration {

    @Valid
    @NotNull
    private DataSourceFactory database = new DataSourceFactory();

    @Valid
    @NotNull
    private AuthConfiguration auth = new AuthConfiguration();

    @Valid
    @NotNull
    private PrivacyConfiguration privacy = new PrivacyConfiguration();

    @Valid
    @NotNull
    private DatabaseSafetyConfiguration databaseSafety = new DatabaseSafetyConfiguration();

    @Valid
    @NotNull
    private ReportsConfiguration reports = new ReportsConfiguration();

    @Valid
    @NotNull
    private IdempotencyConfiguration idempotency = new IdempotencyConfiguration();

    @Valid
    @NotNull
    private ImportsConfiguration imports = new ImportsConfiguration();

    @Valid
    @NotNull
    private RateLimitsConfiguration rateLimits = new RateLimitsConfiguration();

    @Valid
    @NotNull
    private TimerConfiguration timer = new TimerConfiguration();

    /** Apply pending migrations when the server starts; turn off to run {@code db migrate} by hand. */
    private boolean migrateOnStart = true;

    @JsonProperty
    public TimerConfiguration getTimer() {
        return timer;
    }

    @JsonProperty
    public void setTimer(TimerConfiguration timer) {
        this.timer = timer;
    }

    @JsonProperty
    public RateLimitsConfiguration getRateLimits() {
        return rateLimits;
    }

    @JsonProperty
    public void setRateLimits(RateLimitsConfiguration rateLimits) {
        this.rateLimits = rateLimits;
    }

    @JsonProperty("database")
    public DataSourceFactory getDataSourceFactory() {
        return database;
    }

    @JsonProperty("database")
    public void setDataSourceFactory(DataSourceFactory database) {
        this.database = database;
    }

    @JsonProperty
    public AuthConfiguration getAuth() {
        return auth;
    }

    @JsonProperty
    public void setAuth(AuthConfiguration auth) {
        this.auth = auth;
    }

    @JsonProperty
    public PrivacyConfiguration getPrivacy() {
        return privacy;
    }

    @JsonProperty
    public void setPrivacy(PrivacyConfiguration privacy) {
        this.privacy = privacy;
    }

    @JsonProperty
    public DatabaseSafetyConfiguration getDatabaseSafety() {
        return databaseSafety;
    }

    @JsonProperty
    public void setDatabaseSafety(DatabaseSafetyConfiguration databaseSafety) {
        this.databaseSafety = databaseSafety;
    }

    @JsonProperty
    public ReportsConfiguration getReports() {
        return reports;
    }

    @JsonProperty
    public void setReports(ReportsConfiguration reports) {
        this.reports = reports;
    }

    @JsonProperty
    public boolean isMigrateOnStart() {
        return migrateOnStart;
    }

    @JsonProperty
    public void setMigrateOnStart(boolean migrateOnStart) {
        this.migrateOnStart = migrateOnStart;
    }

    @JsonProperty
    public IdempotencyConfiguration getIdempotency() {
        return idempotency;
    }

    @JsonProperty
    public void setIdempotency(IdempotencyConfiguration idempotency) {
        this.idempotency = idempotency;
    }

    @JsonProperty
    public ImportsConfiguration getImports() {
        return imports;
    }

    @JsonProperty
    public void setImports(ImportsConfiguration imports) {
        this.imports = imports;
    }
}
