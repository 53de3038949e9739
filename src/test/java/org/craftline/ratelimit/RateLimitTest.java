package org.craftline.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.craftline.testing.ProblemAssert.assertProblem;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.craftline.CraftlineConfiguration;
import org.craftline.access.Role;
import org.craftline.auth.TokenDao;
import org.craftline.auth.TokenIssuer;
import org.craftline.testing.Http;
import org.craftline.testing.TestApp;
import org.craftline.worker.CreateWorkerRequest;
import org.craftline.worker.WorkerDao;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Each person has their own bucket, shared by all their tokens. Refilled at one request per 100 s here, so nothing comes back
 * while a test runs, however slow the machine: what the test spends is what it counts.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class RateLimitTest {

    static final DropwizardAppExtension<CraftlineConfiguration> APP = new DropwizardAppExtension<>(TestApp.support(
            TestApp.newDatabaseFile(), Map.of("rateLimits.requestsPerSecond", "0.01", "rateLimits.burst", "5",
                    "rateLimits.reportCost", "3", "rateLimits.bulkCost", "4")));

    private String worker;
    private WorkerDao workers;
    private TokenIssuer issuer;

    /**
     * Workers and tokens are made in the database, not through the API: the admin token's bucket
     * of five would run dry on the set-up alone.
     */
    @BeforeEach
    void newWorker() {
        Jdbi jdbi = TestApp.jdbi(APP.getConfiguration());
        workers = jdbi.onDemand(WorkerDao.class);
        issuer = new TokenIssuer(jdbi, Clock.systemUTC());
        worker = TestApp.uniqueHandle("rate");
        workers.insert(new CreateWorkerRequest(worker, "Rate tester", "Tester", null, null), Instant.now());
    }

    private Http newToken() {
        return newToken(worker);
    }

    private Http newToken(String handle) {
        String token = issuer.issue(workers.findByHandle(handle).orElseThrow(), Role.WORKER, null, "rate").token();
        return new Http(APP.getLocalPort()).as(token);
    }

    private String anotherWorker() {
        String other = TestApp.uniqueHandle("rate");
        workers.insert(new CreateWorkerRequest(other, "Rate tester", "Tester", null, null), Instant.now());
        return other;
    }

    @Test
    void aTokenOverItsBurst_gets429WithRetryAfter_andTheDraftsHeaders() {
        Http noisy = newToken();
        for (int remaining = 4; remaining >= 0; remaining--) {
            Http.Reply fine = noisy.get("/api/me");
            assertThat(fine.status()).isEqualTo(200);
            assertThat(fine.header("RateLimit-Limit")).isEqualTo("5");
            assertThat(fine.header("RateLimit-Remaining")).isEqualTo(String.valueOf(remaining));
            assertThat(Long.parseLong(fine.header("RateLimit-Reset"))).isPositive();
        }

        Http.Reply refused = noisy.get("/api/me");

        assertProblem(refused, 429);
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 100L);
        assertThat(refused.header("RateLimit-Remaining")).isEqualTo("0");
    }

    @Test
    void aWorkersTokens_shareOneBucket_soMoreTokensBuyNoMoreRate() {
        Http first = newToken();
        for (int i = 0; i < 5; i++) {
            assertThat(first.get("/api/me").status()).isEqualTo(200);
        }
        Http minted = newToken();

        assertProblem(minted.get("/api/me"), 429);
    }

    @Test
    void oneNoisyPerson_doesNotSlowAnother() {
        Http noisy = newToken();
        Http quiet = newToken(anotherWorker());
        for (int i = 0; i < 6; i++) {
            noisy.get("/api/me");
        }
        assertThat(noisy.get("/api/me").status()).isEqualTo(429);

        Http.Reply other = quiet.get("/api/me");

        assertThat(other.status()).isEqualTo(200);
        assertThat(other.header("RateLimit-Remaining")).isEqualTo("4");
    }

    @Test
    void reportsAndImportsWeighMore() {
        Http reader = newToken();
        String report = "/api/reports/deskilling?worker=" + worker + "&from=2023-01-01&to=2023-03-31";

        Http.Reply first = reader.get(report);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.header("RateLimit-Remaining")).isEqualTo("2");
        assertProblem(reader.get(report), 429);
        assertThat(reader.get("/api/me").header("RateLimit-Remaining")).as("a cheap call still fits").isEqualTo("1");

        Http importer = newToken(anotherWorker());
        Http.Reply imported = importer.postBytes("/api/imports/toggl?worker=" + worker + "&dryRun=true", "text/csv",
                "Start date,Duration\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(imported.header("RateLimit-Remaining")).isEqualTo("1");
    }

    @Test
    void requestsWithoutAToken_areRefusedBeforeTheyCostAnything() {
        Http.Reply anonymous = new Http(APP.getLocalPort()).get("/api/me");

        assertProblem(anonymous, 401);
        assertThat(anonymous.header("RateLimit-Limit")).isNull();
    }
}
