package dev.triage.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;

/** Keys from configuration on a gateway without a database: the keys work, what needs the ledger says it is off. */
@QuarkusTest
@TestProfile(ApiKeyTest.ConfiguredKeysNoLedger.class)
class ApiKeyTest {

    public static class ConfiguredKeysNoLedger implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "triage.api-keys",
                    "sk-team-a,sk-team-b",
                    "triage.ledger.enabled",
                    "false",
                    "triage.admin-token",
                    "admin-token");
        }
    }

    private static final String CHAT = "{\"model\":\"weak\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

    @Test
    void missingKeyIs401() {
        given().contentType("application/json")
                .body(CHAT)
                .post("/v1/chat/completions")
                .then()
                .statusCode(401)
                .body("error.code", equalTo("missing_api_key"))
                .body("error.type", equalTo("invalid_request_error"));
    }

    @Test
    void wrongKeyIs401AndIsNotEchoed() {
        given().header("Authorization", "Bearer sk-wrong-secret")
                .get("/v1/models")
                .then()
                .statusCode(401)
                .body("error.code", equalTo("invalid_api_key"))
                .body(org.hamcrest.Matchers.not(containsString("sk-wrong-secret")));
    }

    @Test
    void anyConfiguredKeyIsAccepted() {
        given().header("Authorization", "Bearer sk-team-b")
                .contentType("application/json")
                .body(CHAT)
                .post("/v1/chat/completions")
                .then()
                .statusCode(200);
    }

    @Test
    void theSimulatedUpstreamNeedsAKeyTooWhileTheGatewaysOwnCallsPass() {
        String body = "{\"model\":\"sim-weak\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
        for (String path : new String[] {"/simulated/v1/chat/completions", "//simulated/v1/./chat/completions"}) {
            given().urlEncodingEnabled(false)
                    .contentType("application/json")
                    .body(body)
                    .post(path)
                    .then()
                    .statusCode(401)
                    .body("error.code", equalTo("missing_api_key"));
        }
        given().header("Authorization", "Bearer sk-team-a")
                .contentType("application/json")
                .body(body)
                .post("/simulated/v1/chat/completions")
                .then()
                .statusCode(200);
        // the gateway's route to sim-weak calls the simulated upstream with its own token
        given().header("Authorization", "Bearer sk-team-a")
                .contentType("application/json")
                .body(body)
                .post("/v1/chat/completions")
                .then()
                .statusCode(200)
                .body("choices[0].message.content", containsString("[simulated sim-weak]"));
    }

    @Test
    void healthNeedsNoKey() {
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void whatNeedsTheLedgerIs503WhenItIsOff() {
        for (String path : new String[] {"/admin/spend", "/admin/keys", "/admin/dashboard"}) {
            given().header("Authorization", "Bearer admin-token")
                    .get(path)
                    .then()
                    .statusCode(503)
                    .body("error.code", equalTo("ledger_disabled"))
                    .body("error.type", equalTo("server_error"));
        }
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("checks.find { it.name == 'ledger' }.data.state", equalTo("off"));
    }

    @Test
    void pathSpellingsOfV1NeedTheKeyToo() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        for (String path : new String[] {
            "//v1/models",
            "/./v1/models",
            "/%76%31/models",
            "/x/../v1/models",
            "/v1;x=1/models",
            "//v1/chat/completions"
        }) {
            URI uri = URI.create("http://localhost:" + RestAssured.port + path);
            for (HttpRequest request : new HttpRequest[] {
                HttpRequest.newBuilder(uri).GET().build(),
                HttpRequest.newBuilder(uri)
                        .header("content-type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(CHAT))
                        .build()
            }) {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode())
                        .as(request.method() + " " + path)
                        .isEqualTo(401);
                assertThat(response.body()).as(path).contains("\"missing_api_key\"");
            }
        }
    }

    @Test
    void theSimulatedUpstreamBoundsWhatOneRequestMakesItGenerate() {
        String many = "[" + "\"a\",".repeat(300) + "\"a\"]";
        given().header("Authorization", "Bearer sk-team-a")
                .contentType("application/json")
                .body("{\"model\":\"sim-weak\",\"input\":" + many + "}")
                .post("/simulated/v1/embeddings")
                .then()
                .statusCode(400)
                .body("error.param", equalTo("input"));
        given().contentType("application/json")
                .header("Authorization", "Bearer sk-team-a")
                .body("{\"model\":\"sim-weak\",\"input\":\"a\",\"dimensions\":100000}")
                .post("/simulated/v1/embeddings")
                .then()
                .statusCode(400)
                .body("error.param", equalTo("dimensions"));
    }
}
