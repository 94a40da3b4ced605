package dev.triage.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(ApiKeyTest.WithKeys.class)
class ApiKeyTest {

    public static class WithKeys implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("triage.api-keys", "sk-team-a,sk-team-b");
        }
    }

    private static final String CHAT = "{\"model\":\"weak\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

    @Test
    void missingKeyIs401() {
        given().contentType("application/json").body(CHAT).post("/v1/chat/completions")
                .then().statusCode(401)
                .body("error.code", equalTo("missing_api_key"))
                .body("error.type", equalTo("invalid_request_error"));
    }

    @Test
    void wrongKeyIs401AndIsNotEchoed() {
        given().header("Authorization", "Bearer sk-wrong-secret").get("/v1/models")
                .then().statusCode(401)
                .body("error.code", equalTo("invalid_api_key"))
                .body(org.hamcrest.Matchers.not(containsString("sk-wrong-secret")));
    }

    @Test
    void anyConfiguredKeyIsAccepted() {
        given().header("Authorization", "Bearer sk-team-b").contentType("application/json").body(CHAT)
                .post("/v1/chat/completions").then().statusCode(200);
    }

    @Test
    void healthNeedsNoKey() {
        given().get("/q/health/live").then().statusCode(200);
    }
}
