package dev.triage.access;

import static dev.triage.testsupport.KeysResource.chat;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.triage.testsupport.KeysResource;
import dev.triage.testsupport.LedgerReady;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Keys, revocations and spend written to the database by another replica (or before a restart) reach this one by the
 * periodic reload: the key authenticates, its spend counts against its budget, its revocation holds, and a keyless
 * request is refused once a key is known.
 */
@QuarkusTest
@WithTestResource(KeysResource.class)
@TestProfile(KeysReloadTest.FastRefresh.class)
class KeysReloadTest {

    public static class FastRefresh implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("triage.key-refresh", "200ms");
        }
    }

    @Inject
    Pool pool;

    @BeforeEach
    void ledgerIsUp() throws InterruptedException {
        LedgerReady.await();
    }

    @Test
    void aKeyWrittenByAnotherReplicaAuthenticatesPaysAndIsRevoked() throws InterruptedException {
        UUID id = UUID.randomUUID();
        String secret = "sk-triage-"
                + HexFormat.of().formatHex(id.toString().getBytes()).substring(0, 48);
        sql(
                "INSERT INTO api_key (id, name, key_hash, key_prefix, budget_usd, budget_period, budget_mode, created_at)"
                        + " VALUES ($1, 'from-another-replica', $2, $3, 0.05, 'total', 'hard', now())",
                Tuple.of(id, KeyStore.hash(secret), secret.substring(0, 14)));
        eventually(() -> chat(secret, "weak-m"), 200);
        chat(null, "weak-m").statusCode(401).body("error.code", equalTo("missing_api_key"));

        sql(
                "INSERT INTO ledger (id, at, request_id, key_id, cost_usd, latency_ms, status, outcome, streamed)"
                        + " VALUES ($1, $2, 'elsewhere', $3, $4, 1, 200, 'ok', false)",
                Tuple.of(UUID.randomUUID(), OffsetDateTime.now(), id.toString(), new BigDecimal("0.06")));
        eventually(() -> chat(secret, "weak-m"), 429).body("error.code", equalTo("insufficient_quota"));

        sql("UPDATE api_key SET revoked_at = now() WHERE id = $1", Tuple.of(id));
        eventually(() -> chat(secret, "weak-m"), 401).body("error.code", equalTo("invalid_api_key"));
    }

    private void sql(String statement, Tuple values) {
        pool.preparedQuery(statement).execute(values).await().atMost(Duration.ofSeconds(10));
    }

    /** The response once it has {@code status}, asking again for up to 5 s (a few reload intervals). */
    private static ValidatableResponse eventually(Supplier<ValidatableResponse> call, int status)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        ValidatableResponse response = call.get();
        while (response.extract().statusCode() != status && System.nanoTime() < deadline) {
            Thread.sleep(100);
            response = call.get();
        }
        return response.statusCode(status);
    }
}
