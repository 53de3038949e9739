package org.craftline.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.craftline.CraftlineConfiguration;
import org.craftline.access.Role;
import org.craftline.cli.DatabaseCommand;
import org.craftline.problem.UsageException;
import org.craftline.values.Clocks;
import org.craftline.values.Dates;
import org.craftline.worker.Worker;
import org.craftline.worker.WorkerDao;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code java -jar craftline.jar token create --worker sam --role WORKER config.yml}: makes a token
 * from the operator's shell and prints it once. With H2, stop the server first (H2 lets one process
 * open the file) or ask the running server through the API; with PostgreSQL it works beside running servers.
 */
public final class TokenCommand extends DatabaseCommand {

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

    @Override
    protected String whileTheServerRuns() {
        return "Stop the server and run this again, or, with it running, ask it for a token: "
                + "curl -X POST -H \"Authorization: Bearer $(cat data/admin-token)\" "
                + "-H 'Content-Type: application/json' -d '{\"role\":\"WORKER\"}' "
                + "http://localhost:8080/api/workers/HANDLE/tokens";
    }

    @Override
    protected void checkArguments(Namespace namespace) {
        Role role = Role.valueOf(namespace.getString("role"));
        if (namespace.getString("worker") == null && role != Role.ADMIN) {
            throw new UsageException("--worker is required for a " + role + " token");
        }
        expiry(namespace.getInt("days"), Clocks.system());
    }

    @Override
    protected void run(Jdbi jdbi, Namespace namespace, CraftlineConfiguration configuration) {
        Role role = Role.valueOf(namespace.getString("role"));
        String handle = namespace.getString("worker");
        Worker owner = handle == null ? null : jdbi.onDemand(WorkerDao.class).findByHandle(handle)
                .orElseThrow(() -> new UsageException("No worker with handle '" + handle + "'"));
        Clock clock = Clocks.system();
        Instant expiresAt = expiry(namespace.getInt("days"), clock);
        IssuedToken issued = new TokenIssuer(jdbi, clock)
                .issue(owner, role, expiresAt, namespace.getString("label"));
        // Standard output on purpose: the operator copies it from here; it is never logged.
        System.out.println(issued.token());
        System.err.println("Token " + issued.id() + " (" + role + (handle == null ? "" : ", worker " + handle)
                + (expiresAt == null ? "" : ", expires " + expiresAt) + "). It is shown only this once.");
    }

    /** The expiry {@code days} from now, held to the range every date in Craftline keeps to. */
    private static Instant expiry(Integer days, Clock clock) {
        if (days == null) {
            return null;
        }
        if (days < 1) {
            throw new UsageException("--expires-in-days must be at least 1");
        }
        Instant expiresAt = clock.instant().plus(Duration.ofDays(days));
        if (expiresAt.isAfter(Dates.LAST.atStartOfDay(ZoneOffset.UTC).toInstant())) {
            throw new UsageException("--expires-in-days must end by " + Dates.LAST
                    + "; for a token that never expires, leave it out");
        }
        return expiresAt;
    }
}
