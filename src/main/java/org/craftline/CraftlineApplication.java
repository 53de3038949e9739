package org.craftline;

import io.dropwizard.assets.AssetsBundle;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.jdbi3.JdbiFactory;
import io.dropwizard.migrations.MigrationsBundle;
import jakarta.servlet.DispatcherType;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import org.craftline.auth.AdminBootstrap;
import org.craftline.auth.Authentication;
import org.craftline.auth.TokenCommand;
import org.craftline.auth.TokenDao;
import org.craftline.auth.TokenIssuer;
import org.craftline.auth.TokenResource;
import org.craftline.auth.WorkerTokenResource;
import org.craftline.backup.BackupCommand;
import org.craftline.backup.BackupServlet;
import org.craftline.backup.H2Backup;
import org.craftline.backup.RestoreCommand;
import org.craftline.db.Dialect;
import org.craftline.db.Migrations;
import org.craftline.db.H2Housekeeping;
import org.craftline.db.OneWriterAtATime;
import org.craftline.db.SqlObjects;
import org.craftline.db.WritesOnlyInTransactions;
import org.craftline.demo.DemoCommand;
import org.craftline.event.EventDao;
import org.craftline.event.EventResource;
import org.craftline.event.EventService;
import org.craftline.export.ExportResource;
import org.craftline.http.AcceptNothing;
import org.craftline.http.BodyEncoding;
import org.craftline.http.JettyErrors;
import org.craftline.http.LocalOperatorsOnly;
import org.craftline.http.Locations;
import org.craftline.http.NoControlCharacters;
import org.craftline.http.OnceOnlyHeaders;
import org.craftline.http.ProblemMappers;
import org.craftline.http.RequestSizeLimit;
import org.craftline.http.SecurityHeaders;
import org.craftline.http.StrictFraming;
import org.craftline.idempotency.IdempotencyKeys;
import org.craftline.imports.CaptureResource;
import org.craftline.imports.ImportResource;
import org.craftline.imports.ImportService;
import org.craftline.imports.capture.CaptureImports;
import org.craftline.logging.LogMasking;
import org.craftline.logging.RequestLogLayoutFactory;
import org.craftline.openapi.OpenApiDocument;
import org.craftline.openapi.OpenApiResource;
import org.craftline.openapi.SwaggerUi;
import org.craftline.ratelimit.RateLimitFilter;
import org.craftline.report.ReportBulkhead;
import org.craftline.report.ReportDao;
import org.craftline.report.ReportResource;
import org.craftline.report.ReportService;
import org.craftline.report.TeamCellDao;
import org.craftline.report.TeamPublisher;
import org.craftline.rules.RuleResource;
import org.craftline.rules.Rules;
import org.craftline.task.TaskResource;
import org.craftline.task.TaskService;
import org.craftline.timer.TimerResource;
import org.craftline.timer.Timers;
import org.craftline.values.Clocks;
import org.craftline.values.Json;
import org.craftline.worker.TeamResource;
import org.craftline.worker.WorkerDao;
import org.craftline.worker.WorkerResource;
import org.craftline.worker.Workers;
import org.glassfish.jersey.server.ServerProperties;
import org.jdbi.v3.core.Jdbi;

/** Wiring only: what runs, in which order, with which collaborators. */
public class CraftlineApplication extends Application<CraftlineConfiguration> {

    /** Where Jersey serves the API; resources' paths are relative to it. */
    public static final String API_PATTERN = Locations.API_ROOT + "/*";

    /** Kept so that tests can hold report places the way long reports would. */
    private ReportBulkhead reportBulkhead;

    private final Clock clock;

    public CraftlineApplication() {
        this(Clocks.system());
    }

    /** A service whose time is {@code clock}: tests move it to see team weeks published. */
    public CraftlineApplication(Clock clock) {
        this.clock = clock;
    }

    public static void main(String[] args) throws Exception {
        new CraftlineApplication().run(args);
    }

    @Override
    public String getName() {
        return "craftline";
    }

    @Override
    public void initialize(Bootstrap<CraftlineConfiguration> bootstrap) {
        bootstrap.addCommand(new TokenCommand());
        bootstrap.addCommand(new DemoCommand());
        bootstrap.addCommand(new BackupCommand());
        bootstrap.addCommand(new RestoreCommand());
        bootstrap.setConfigurationSourceProvider(new SubstitutingSourceProvider(
                bootstrap.getConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(false)));
        // The web page at /, from resources/web: plain HTML, CSS and JavaScript modules.
        bootstrap.addBundle(new AssetsBundle("/web", "/", "index.html", "web"));
        SwaggerUi.addTo(bootstrap);
        bootstrap.addBundle(new MigrationsBundle<>() {
            @Override
            public DataSourceFactory getDataSourceFactory(CraftlineConfiguration configuration) {
                return configuration.getDataSourceFactory();
            }

            @Override
            public String getMigrationsFileName() {
                return Migrations.CHANGELOG;
            }
        });
    }

    @Override
    public void run(CraftlineConfiguration configuration, Environment environment) throws Exception {
        // Configured here rather than in initialize() so the YAML configuration keeps Jackson's
        // lenient defaults while API requests get the strict ones.
        Json.configure(environment.getObjectMapper());
        LogMasking.install();
        DataSourceFactory database = configuration.getDataSourceFactory();
        Dialect dialect = Dialect.of(database.getUrl());
        database.setUrl(dialect.serverUrl(database.getUrl()));
        H2Backup.ownerOnly(database.getUrl(), false);
        if (configuration.isMigrateOnStart()) {
            Migrations.apply(database, environment.metrics());
        }
        // After migrating: a long migration must not be cut off by the timeout meant for requests.
        // An operator's own initialization query runs first, then the timeout: neither replaces the other.
        database.setInitializationQuery(dialect.withInitialization(database.getInitializationQuery(),
                dialect.statementTimeoutSql(configuration.getDatabaseSafety().getStatementTimeout().toJavaDuration())));
        Jdbi jdbi = new JdbiFactory().build(environment, database, "database");
        WritesOnlyInTransactions.installOn(SqlObjects.install(jdbi, CraftlineDaos.ALL));
        OneWriterAtATime.installOn(jdbi, dialect);
        jdbi.useHandle(handle -> dialect.checkDurability(handle,
                configuration.getDatabaseSafety().isAllowUnsafeDurability()));
        H2Backup.ownerOnly(database.getUrl(), true);
        environment.admin().addFilter("local-operators-only", new LocalOperatorsOnly())
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/*");
        if (dialect == Dialect.H2) {
            // Only the server may open its H2 file while it runs: the backup command asks it here.
            environment.admin().addServlet("backup", new BackupServlet(jdbi)).addMapping(BackupServlet.PATH);
            HourlyJobs.schedule(environment, "h2-housekeeping", "compacting the H2 file", new H2Housekeeping(jdbi),
                    H2Housekeeping.EVERY);
        }
        WorkerDao workers = jdbi.onDemand(WorkerDao.class);
        TokenDao tokens = jdbi.onDemand(TokenDao.class);
        TokenIssuer issuer = new TokenIssuer(jdbi, clock);
        new AdminBootstrap(tokens, issuer, clock, System.out, AdminBootstrap.stdoutIsTerminal()).ensureAdminToken(
                configuration.getAuth().getAdminToken(), Path.of(configuration.getAuth().getAdminTokenFile()));

        // The API under /api; everything else is the web page's files (and Swagger UI's under /api/docs/).
        environment.jersey().setUrlPattern(API_PATTERN);
        // Location headers stay the paths the resources give (http/Locations), never made absolute
        // with the Host the client sent.
        environment.jersey().property(ServerProperties.LOCATION_HEADER_RELATIVE_URI_RESOLUTION_DISABLED, true);
        JettyErrors.install(environment);
        StrictFraming.apply(configuration.getServerFactory());
        RequestLogLayoutFactory.applyTo(configuration.getServerFactory());
        environment.servlets().addFilter("security-headers", new SecurityHeaders())
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/*");
        environment.servlets().addFilter("no-control-characters", new NoControlCharacters())
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/*");
        RequestSizeLimit sizeLimit = new RequestSizeLimit(configuration.getImports().maxCaptureBytes());
        sizeLimit.guardServer(environment);
        environment.jersey().register(sizeLimit);
        environment.jersey().register(new BodyEncoding());
        environment.jersey().register(new AcceptNothing());
        environment.jersey().register(new OnceOnlyHeaders(IdempotencyKeys.HEADER));
        ProblemMappers.register(environment.jersey());
        Authentication.register(environment.jersey(), tokens, clock);
        environment.jersey().register(new RateLimitFilter(configuration.getRateLimits()));
        environment.jersey().register(new TokenResource(tokens, issuer));
        Workers owners = new Workers(workers);
        environment.jersey().register(new WorkerTokenResource(tokens, issuer, owners));
        environment.jersey().register(new WorkerResource(jdbi, owners, clock));
        environment.jersey().register(new TeamResource(workers));
        Rules rules = new Rules(jdbi, environment.getObjectMapper(), clock);
        environment.jersey().register(new RuleResource(rules, owners));
        IdempotencyKeys idempotency = new IdempotencyKeys(jdbi, environment.getObjectMapper(), clock,
                configuration.getIdempotency().getKeyTtl().toJavaDuration());
        HourlyJobs.schedule(environment, "idempotency-purge", "purging expired idempotency keys",
                idempotency::purgeExpired);
        TaskService taskService = new TaskService(jdbi, clock);
        environment.jersey().register(new TaskResource(taskService, owners, idempotency));
        environment.jersey().register(new TimerResource(new Timers(jdbi, taskService, clock,
                configuration.getTimer().getMaxMinutes()), owners));
        EventDao events = jdbi.onDemand(EventDao.class);
        EventService eventService = new EventService(jdbi, clock);
        environment.jersey().register(new ExportResource(taskService, environment.getObjectMapper(), eventService,
                rules, owners, clock));
        environment.jersey().register(new ImportResource(
                new ImportService(jdbi, taskService, configuration.getImports(), clock), owners, idempotency));
        environment.jersey().register(new CaptureResource(new CaptureImports(jdbi, taskService, clock), rules, owners,
                idempotency, configuration.getImports()));
        environment.jersey().register(new EventResource(events, eventService, owners, idempotency));
        reportBulkhead = configuration.getReports().bulkhead(database.getMaxSize());
        TeamPublisher publisher = new TeamPublisher(jdbi, clock, configuration.getPrivacy().getMinGroupSize(),
                configuration.getPrivacy().getTeamGraceDays());
        HourlyJobs.schedule(environment, "team-publication", "publishing the team weeks that are due",
                publisher::publishAllDue);
        environment.jersey().register(new ReportResource(new ReportService(jdbi.onDemand(ReportDao.class),
                jdbi.onDemand(TeamCellDao.class), events, publisher), owners, reportBulkhead, clock));
        environment.jersey().register(new OpenApiResource(
                () -> OpenApiDocument.json(environment.jersey().getResourceConfig().getClasses())));
    }

    public ReportBulkhead reportBulkhead() {
        return reportBulkhead;
    }
}
