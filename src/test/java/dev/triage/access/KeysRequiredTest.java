package dev.triage.access;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * With keys required and the database out of reach, nothing can be checked: readiness stays down (so no traffic is
 * sent here) and a key gets 503 {@code keys_loading}, never a pass.
 */
@QuarkusTest
@TestProfile(KeysRequiredTest.UnreachableDatabase.class)
class KeysRequiredTest {

    public static class UnreachableDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "triage.require-keys", "true",
                    "triage.database.embedded.enabled", "false",
                    "triage.database.url", "postgresql://127.0.0.1:1/none",
                    "quarkus.datasource.reactive.url", "postgresql://127.0.0.1:1/none");
        }
    }

    @Test
    void readinessWaitsForTheKeys() {
        given().get("/q/health/ready")
                .then()
                .statusCode(503)
                .body("checks.find { it.name == 'api-keys' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'api-keys' }.data.reason", equalTo("virtual keys not loaded yet"));
    }

    @Test
    void aKeyCannotBeCheckedYet() {
        given().header("Authorization", "Bearer sk-triage-unknown")
                .contentType("application/json")
                .body("{\"model\":\"weak\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                .post("/v1/chat/completions")
                .then()
                .statusCode(503)
                .body("error.code", equalTo("keys_loading"));
    }
}
