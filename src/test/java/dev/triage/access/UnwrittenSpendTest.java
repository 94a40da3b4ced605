package dev.triage.access;

import static dev.triage.testsupport.KeysResource.chat;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.triage.testsupport.KeysResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * A key's spend survives the periodic reload while its ledger rows are still waiting to be written: the reload reads
 * the database's sum, which does not hold them yet, and must not forget them (a hard budget would let a key spend
 * again what it had already spent).
 */
@QuarkusTest
@TestProfile(UnwrittenSpendTest.SlowLedger.class)
class UnwrittenSpendTest {

    public static class SlowLedger implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    // rows wait a minute before they are written; keys reload every 200 ms
                    "triage.ledger.flush-interval", "60s",
                    "triage.key-refresh", "200ms");
        }

        @Override
        public java.util.List<TestResourceEntry> testResources() {
            return java.util.List.of(new TestResourceEntry(KeysResource.class));
        }
    }

    @Test
    void spendNotYetInTheDatabaseIsNotForgottenByAReload() throws InterruptedException {
        String secret = given().header("Authorization", "Bearer " + KeysResource.ADMIN_TOKEN)
                .contentType("application/json")
                .body("{\"name\":\"slow-ledger\",\"budget_usd\":0.05,\"allowed_models\":[\"strong-m\"]}")
                .post("/admin/keys")
                .then()
                .statusCode(201)
                .extract()
                .path("key");
        // $0.04 each: the second is let in (0.04 spent + a small reservation), and then the budget is spent
        chat(secret, "strong-m").statusCode(200);
        chat(secret, "strong-m").statusCode(200);
        Thread.sleep(700); // a few reloads, none of which finds these rows in the database
        chat(secret, "strong-m").statusCode(429).body("error.code", equalTo("insufficient_quota"));
    }
}
