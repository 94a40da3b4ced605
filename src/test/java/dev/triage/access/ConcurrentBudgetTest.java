package dev.triage.access;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.triage.testsupport.FakeUpstream;
import dev.triage.testsupport.KeysResource;
import dev.triage.testsupport.LedgerReady;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * A hard budget is a cap under concurrency: 50 requests at once on one key are admitted only as far as their
 * reservations (prompt plus {@code max_tokens} at the model's prices) fit in the budget; the overspend is what the
 * admitted answers cost beyond their reservations, not 50 answers' worth. Likewise for tokens per minute.
 */
@QuarkusTest
@WithTestResource(KeysResource.class)
class ConcurrentBudgetTest {

    private static final int REQUESTS = 50;

    @Inject
    Pool pool;

    @BeforeEach
    void ledgerIsUp() throws InterruptedException {
        LedgerReady.await();
    }

    @Test
    void fiftyConcurrentRequestsStayWithinTheReservations() throws Exception {
        // each answer reports 1,000 + 1,000 tokens on strong-m: $0.04; a reservation is ~10 prompt tokens + 1,000
        // output tokens: ~$0.0301, so a $0.10 budget holds 3 reservations at once
        Key key = create("{\"name\":\"concurrent\",\"budget_usd\":0.10,\"budget_period\":\"total\"}");
        List<Integer> statuses = burst(
                key.secret(),
                "{\"model\":\"strong-m\",\"max_tokens\":1000,"
                        + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
        long answered = statuses.stream().filter(status -> status == 200).count();
        assertThat(answered).isBetween(1L, 4L);
        assertThat(statuses).containsOnly(200, 429);
        BigDecimal spent = spentBy(key.id(), answered);
        // 3 reservations of ~$0.0301 admitted at most, each answer overrunning its own by ~$0.01
        assertThat(spent).isLessThanOrEqualTo(new BigDecimal("0.16"));
    }

    @Test
    void tokensPerMinuteHoldUnderConcurrencyToo() throws Exception {
        Key key = create("{\"name\":\"tpm\",\"tpm\":3000}");
        List<Integer> statuses = burst(
                key.secret(),
                "{\"model\":\"weak-m\",\"max_tokens\":1000,"
                        + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
        // a reservation holds ~1,010 tokens: 2 fit in 3,000 (the third would pass it), a lone first always fits
        assertThat(statuses.stream().filter(status -> status == 200).count()).isBetween(1L, 3L);
    }

    /** {@code REQUESTS} requests at once with the key; the upstream answers each after 500 ms. */
    private static List<Integer> burst(String secret, String body) {
        HttpClient client = HttpClient.newHttpClient();
        List<CompletableFuture<HttpResponse<String>>> replies = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            String id = "burst-" + UUID.randomUUID();
            FakeUpstream.get()
                    .script(
                            id,
                            new FakeUpstream.Slow(Duration.ofMillis(500), FakeUpstream.json(200, KeysResource.ANSWER)));
            replies.add(client.sendAsync(
                    HttpRequest.newBuilder(
                                    URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/v1/chat/completions"))
                            .header("Authorization", "Bearer " + secret)
                            .header("Content-Type", "application/json")
                            .header("x-request-id", id)
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        return replies.stream().map(reply -> reply.join().statusCode()).toList();
    }

    private record Key(String secret, String id) {}

    private static Key create(String body) {
        var created = given().header("Authorization", "Bearer " + KeysResource.ADMIN_TOKEN)
                .contentType("application/json")
                .body(body)
                .post("/admin/keys")
                .then()
                .statusCode(201)
                .extract();
        return new Key(created.path("key"), created.path("id"));
    }

    /** What the key's answered requests cost, once their ledger rows are written. */
    private BigDecimal spentBy(String keyId, long answered) throws InterruptedException {
        String sql = "SELECT count(*) FILTER (WHERE status = 200) AS answered, coalesce(sum(cost_usd), 0) AS spent"
                + " FROM ledger WHERE key_id = $1";
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            var row = pool.preparedQuery(sql)
                    .execute(Tuple.of(keyId))
                    .await()
                    .atMost(Duration.ofSeconds(5))
                    .iterator()
                    .next();
            if (row.getLong("answered") >= answered || System.nanoTime() > deadline) {
                return row.getBigDecimal("spent");
            }
            Thread.sleep(100);
        }
    }
}
