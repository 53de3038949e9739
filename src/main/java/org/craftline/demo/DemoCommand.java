package org.craftline.demo;

import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.jetty.HttpConnectorFactory;
import java.time.Clock;
import net.sourceforge.argparse4j.inf.Namespace;
import org.craftline.CraftlineConfiguration;
import org.craftline.access.Role;
import org.craftline.auth.IssuedToken;
import org.craftline.auth.TokenIssuer;
import org.craftline.cli.DatabaseCommand;
import org.craftline.db.Transactions;
import org.craftline.values.Clocks;
import org.craftline.worker.CreateWorkerRequest;
import org.craftline.worker.Worker;
import org.craftline.worker.WorkerDao;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code java -jar craftline.jar demo config.yml}: seeds the demo year into the configured database
 * and prints how to read the reports. With H2, run it while the server is stopped (H2 lets one
 * process open the file).
 */
public final class DemoCommand extends DatabaseCommand {

    static final String ANALYST = "demo-analyst";

    public DemoCommand() {
        super("demo", "Seed a demo year of an environment art team (deterministic: a second run adds no "
                + "workers or tasks, only two new tokens to print, since stored tokens cannot be shown again)");
    }

    @Override
    protected String whileTheServerRuns() {
        return "Stop the server (Ctrl-C), run the demo, then start the server again.";
    }

    @Override
    protected void run(Jdbi jdbi, Namespace namespace, CraftlineConfiguration configuration) {
        Clock clock = Clocks.system();
        DemoSeeder.Outcome outcome = new DemoSeeder(jdbi, clock).seed();
        TokenIssuer issuer = new TokenIssuer(jdbi, clock);
        WorkerDao workers = jdbi.onDemand(WorkerDao.class);
        IssuedToken sam = issuer.issue(workers.findByHandle("sam").orElseThrow(), Role.WORKER, null, "demo");
        IssuedToken analyst = issuer.issue(analystAccount(jdbi, workers, clock), Role.ANALYST, null, "demo");
        System.out.println(instructions(outcome, port(configuration), sam.token(), analyst.token()));
    }

    /** An account for reading the team aggregate, outside the team so it does not count in it. */
    private static Worker analystAccount(Jdbi jdbi, WorkerDao workers, Clock clock) {
        return workers.findByHandle(ANALYST).orElseGet(() -> {
            CreateWorkerRequest analyst = new CreateWorkerRequest(ANALYST, "Demo analyst", "Labour researcher", null, null);
            Transactions.write(jdbi, WorkerDao.class, rows -> rows.insert(analyst, clock.instant()));
            return workers.findByHandle(ANALYST).orElseThrow();
        });
    }

    private static int port(CraftlineConfiguration configuration) {
        if (configuration.getServerFactory() instanceof DefaultServerFactory server
                && server.getApplicationConnectors().get(0) instanceof HttpConnectorFactory http) {
            return http.getPort();
        }
        return 8080;
    }

    private static final String SAM_EXISTED = """

            A worker 'sam' was already there (the README's walkthrough makes one), so Sam's report below
            shows that sam's own tasks, not the demo's story. For the whole demo, stop the server, move
            the database aside (mv data data.before-demo) and run the demo again.""";

    // Printed, not logged: the tokens are for the person at this terminal and must not reach a log.
    static String instructions(DemoSeeder.Outcome outcome, int port, String samToken, String analystToken) {
        String base = "http://localhost:" + port + "/api/reports/deskilling?from=" + DemoStory.FIRST_DAY
                + "&to=" + DemoStory.LAST_DAY;
        return """

                Demo: seeded %s (%d tasks)%s.%s
                Start the server (java -jar target/craftline.jar server config.yml), then:

                  Sam's report, as JSON, CSV or an SVG chart (a WORKER token for sam, shown once):
                    curl -H 'Authorization: Bearer %s' '%s&worker=sam'
                    curl -H 'Authorization: Bearer %s' '%s&worker=sam&format=csv'
                    curl -H 'Authorization: Bearer %s' '%s&worker=sam&format=svg' > sam.svg

                  The team's aggregate (an ANALYST token, shown once):
                    curl -H 'Authorization: Bearer %s' '%s&team=%s&format=svg' > team.svg

                  Rin typed nothing: her year came in through the ActivityWatch import, by her rules
                  (GET /api/workers/rin/rules). With the admin token (data/admin-token):
                    curl -H "Authorization: Bearer $(cat data/admin-token)" '%s&worker=rin&format=svg' > rin.svg
                """.formatted(
                outcome.seeded().isEmpty() ? "nothing" : String.join(", ", outcome.seeded()), outcome.tasks(),
                outcome.skipped().isEmpty() ? "" : "; already present, left alone: " + String.join(", ", outcome.skipped()),
                outcome.skipped().contains("sam") ? SAM_EXISTED : "",
                samToken, base, samToken, base, samToken, base, analystToken, base, DemoStory.TEAM, base);
    }
}
