package org.craftline.auth;

import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.db.ManagedDataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.craftline.SqlObjects;
import org.craftline.CraftlineConfiguration;
import org.craftline.common.Clocks;
import org.craftline.common.Migrations;
import org.craftline.common.Role;
import org.craftline.worker.Worker;
import org.craftline.worker.WorkerDao;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code java -jar craftline.jar token create --worker sam --role WORKER config.yml}: makes a token
 * from the operator's shell and prints it once. With H2, stop the server first (H2 lets one process
 * open the file); with PostgreSQL it works beside running servers.
 */
public final class TokenCommand extends ConfiguredCommand<CraftlineConfiguration> {

    public TokenCommand() {
        super("token", "Create API tokens from the command line");
    }

    @Override
    public void configure(Subparser subparser) {
        // The action comes before the configuration file, as in 'db migrate config.yml'.
        subparser.addArgument("action").choices("create").help("what to do: create");
        super.configure(subparser);
        subparser.addArgument("--worker").dest("worker")
                .help("handle of the worker the token belongs to (optional for ADMIN)");
        subparser.addArgument("--role").dest("role").choices("WORKER", "ANALYST", "ADMIN").setDefault("WORKER");
        subparser.addArgument("--expires-in-days").dest("days").type(Integer.class)
                .help("days until the token stops working (default: never)");
        subparser.addArgument("--label").dest("label").help("a note to tell tokens apart");
    }

    /** A mistake on the command line is a one-line message, not a stack trace. */
    @Override
    public void onError(Cli cli, Namespace namespace, Throwable error) {
        if (error instanceof IllegalArgumentException) {
            cli.getStdErr().println("token: " + error.getMessage());
        } else {
            super.onError(cli, namespace, error);
        }
    }

    @Override
    protected void run(Bootstrap<CraftlineConfiguration> bootstrap, Namespace namespace,
                       CraftlineConfiguration configuration) throws Exception {
        Role role = Role.valueOf(namespace.getString("role"));
        String handle = namespace.getString("worker");
        if (handle == null && role != Role.ADMIN) {
            throw new IllegalArgumentException("--worker is required for a " + role + " token");
        }
        if (configuration.isMigrateOnStart()) {
            Migrations.apply(configuration.getDataSourceFactory(), bootstrap.getMetricRegistry());
        }
        ManagedDataSource dataSource = configuration.getDataSourceFactory().build(bootstrap.getMetricRegistry(), "token");
        try {
            Jdbi jdbi = SqlObjects.install(Jdbi.create(dataSource));
            Worker owner = handle == null ? null : jdbi.onDemand(WorkerDao.class).findByHandle(handle)
                    .orElseThrow(() -> new IllegalArgumentException("No worker with handle '" + handle + "'"));
            Clock clock = Clocks.system();
            Integer days = namespace.getInt("days");
            Instant expiresAt = days == null ? null : clock.instant().plus(Duration.ofDays(days));
            IssuedToken issued = new TokenIssuer(jdbi.onDemand(TokenDao.class), clock)
                    .issue(owner, role, expiresAt, namespace.getString("label"));
            // Standard output on purpose: the operator copies it from here; it is never logged.
            System.out.println(issued.token());
            System.err.println("Token " + issued.id() + " (" + role + (handle == null ? "" : ", worker " + handle)
                    + (expiresAt == null ? "" : ", expires " + expiresAt) + "). It is shown only this once.");
        } finally {
            dataSource.stop();
        }
    }
}
