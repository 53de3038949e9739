package org.craftline.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.craftline.testing.ProblemAssert.assertFieldProblem;
import static org.craftline.testing.ProblemAssert.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.craftline.testing.Http;
import org.craftline.testing.Payloads;
import org.craftline.testing.SharedApp;
import org.craftline.testing.SharedApp.Admin;
import org.craftline.testing.SharedApp.FreshWorker;
import org.craftline.testing.TestApp;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TokenApiTest {

    @RegisterExtension
    static final SharedApp API = SharedApp.withWorkersNamed("tok");

    @Admin
    Http admin;
    Http anonymous;
    @FreshWorker
    String worker;

    @BeforeEach
    void newWorker() {
        anonymous = new Http(SharedApp.app().getLocalPort());
    }

    private Jdbi database() {
        return TestApp.jdbi(SharedApp.app().getConfiguration());
    }

    @Test
    void create_returnsTheSecretOnceWithItsIdRoleAndExpiry() {
        Instant expiry = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

        Http.Reply reply = admin.post("/api/workers/" + worker + "/tokens",
                "{\"role\":\"WORKER\",\"expiresAt\":\"" + expiry + "\",\"label\":\"laptop\"}");

        assertThat(reply.status()).isEqualTo(201);
        JsonNode issued = reply.json();
        String token = issued.path("token").asText();
        assertThat(token).startsWith("cl_").hasSize(3 + 43);
        assertThat(issued.path("id").asLong()).isPositive();
        assertThat(issued.path("role").asText()).isEqualTo("WORKER");
        assertThat(Instant.parse(issued.path("expiresAt").asText())).isEqualTo(expiry);
        JsonNode me = anonymous.as(token).get("/api/me").json();
        assertThat(me.path("handle").asText()).isEqualTo(worker);
        assertThat(me.path("role").asText()).isEqualTo("WORKER");
    }

    @Test
    void tokens_areStoredOnlyAsHashAndListedWithoutSecrets() {
        String token = TestApp.token(admin, worker, "WORKER");

        List<String> stored = database().withHandle(h -> h.createQuery(
                "SELECT token_hash || ' ' || prefix || ' ' || COALESCE(label, '') FROM api_tokens")
                .mapTo(String.class).list());
        Http.Reply listing = admin.get("/api/workers/" + worker + "/tokens");

        assertThat(stored).noneMatch(row -> row.contains(token.substring(9)));
        assertThat(stored).anyMatch(row -> row.startsWith(Tokens.hash(token)));
        assertThat(listing.status()).isEqualTo(200);
        assertThat(listing.body()).doesNotContain(token.substring(9)).contains(token.substring(0, 9));
        assertThat(listing.json().path("items").get(0).has("token")).isFalse();
    }

    @Test
    void worker_makesOwnWorkerTokensButNoOtherRole() {
        Http self = TestApp.signedIn(admin, worker, "WORKER");

        assertThat(self.post("/api/workers/" + worker + "/tokens", "").status()).isEqualTo(201);
        assertProblem(self.post("/api/workers/" + worker + "/tokens", "{\"role\":\"ADMIN\"}"), 403);
        assertProblem(self.post("/api/workers/" + worker + "/tokens", "{\"role\":\"ANALYST\"}"), 403);
    }

    @Test
    void create_expiryInThePast_returns422() {
        assertFieldProblem(admin.post("/api/workers/" + worker + "/tokens", "{\"expiresAt\":\"2020-01-01T00:00:00Z\"}"),
                422, "expiresAt");
    }

    @Test
    void revoke_stopsTheTokenOnTheNextRequest() {
        Http holder = TestApp.signedIn(admin, worker, "WORKER");
        long id = holder.get("/api/me").json().path("tokenId").asLong();

        assertThat(holder.delete("/api/tokens/" + id).status()).isEqualTo(204);

        assertProblem(holder.get("/api/me"), 401);
        assertThat(admin.get("/api/workers/" + worker + "/tokens").json().path("items").get(0)
                .path("revokedAt").isNull()).isFalse();
    }

    @Test
    void expiry_stopsTheTokenOnceItsTimeHasPassed() {
        String token = TestApp.token(admin, worker, "WORKER");
        Http holder = anonymous.as(token);
        assertThat(holder.get("/api/me").status()).isEqualTo(200);

        database().useHandle(h -> h.execute("UPDATE api_tokens SET expires_at = ? WHERE token_hash = ?",
                Instant.now().minusSeconds(1), Tokens.hash(token)));

        assertProblem(holder.get("/api/me"), 401);
    }

    /** Minting tokens must buy a hostile client nothing: 20 at a time, however many ask at once. */
    @Test
    void aWorkerHoldsAtMostTwentyActiveTokens_evenWhenManyAreMintedAtOnce() throws Exception {
        Http self = anonymous.as(TestApp.token(admin, worker, "WORKER"));
        String expired = TestApp.token(admin, worker, "WORKER");
        database().useHandle(h -> h.execute("UPDATE api_tokens SET expires_at = ? WHERE token_hash = ?",
                Instant.now().minusSeconds(1), Tokens.hash(expired)));
        String mint = "/api/workers/" + worker + "/tokens";

        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Http.Reply>> replies = new ArrayList<>();
        try {
            for (int i = 0; i < 30; i++) {
                replies.add(pool.submit(() -> self.post(mint, "{}")));
            }
            Map<Integer, Integer> statuses = new TreeMap<>();
            for (Future<Http.Reply> reply : replies) {
                statuses.merge(reply.get().status(), 1, Integer::sum);
                if (reply.get().status() == 409) {
                    assertThat(assertProblem(reply.get(), 409).path("type").asText())
                            .isEqualTo("urn:craftline:problem:limit-reached");
                }
            }
            assertThat(statuses).as("the expired token does not count; the first one does")
                    .isEqualTo(Map.of(201, TokenIssuer.MAX_ACTIVE_PER_WORKER - 1, 409, 31 - TokenIssuer.MAX_ACTIVE_PER_WORKER));
        } finally {
            pool.shutdownNow();
        }
        assertProblem(self.post(mint, "{}"), 409);
        assertProblem(admin.post(mint, "{}"), 409);

        // Listed in id order: the first is self's own, the second the expired one.
        long another = self.get(mint).json().path("items").get(2).path("id").asLong();
        assertThat(self.delete("/api/tokens/" + another).status()).isEqualTo(204);
        assertThat(self.post(mint, "{}").status()).as("a revoked token frees its place").isEqualTo(201);
    }

    @Test
    void unauthorized_isAProblemWithABearerChallenge() {
        for (Http caller : List.of(anonymous, anonymous.as("cl_unknown"), anonymous.withAuthorization("Basic dXNlcjpwYXNz"),
                anonymous.withAuthorization("Bearer"), anonymous.withAuthorization("Bearer " + "x".repeat(5000)))) {
            Http.Reply reply = caller.get("/api/tasks");
            assertProblem(reply, 401);
            assertThat(reply.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"craftline\"");
        }
    }

    @Test
    void tokenInTheQueryString_isRefusedWith400() {
        Http.Reply reply = anonymous.get("/api/me?access_token=" + TestApp.ADMIN_TOKEN);

        assertFieldProblem(reply, 400, "access_token");
        assertThat(reply.body()).doesNotContain(TestApp.ADMIN_TOKEN);
    }

    @Test
    void serverSetFields_cannotBeSentInABody() {
        Http self = TestApp.signedIn(admin, worker, "WORKER");
        var task = Payloads.task(worker, "2023-03-01");
        task.put("id", 99);
        task.put("version", 7);

        assertFieldProblem(self.post("/api/tasks", Http.json(task)), 422, "id");
        task.remove("id");
        assertFieldProblem(self.post("/api/tasks", Http.json(task)), 422, "version");
    }
}
