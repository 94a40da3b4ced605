package dev.triage;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * The gateway as it ships ({@code target/quarkus-app}, run as its own process) with its demo (as {@code bin/run}): the
 * learned route {@code auto} over the simulated upstreams. Its requests are also the workload that trains the JDK AOT cache
 * ({@code quarkus.package.jar.aot.enabled}): learned decisions, streams, direct models, errors, health and metrics. The
 * ledger is off, as on Knative with an external database (its schema migration has {@code LedgerTest}).
 */
@QuarkusIntegrationTest
@WithTestResource(PackagedGatewayIT.NoLedger.class)
class PackagedGatewayIT {

    public static class NoLedger implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            return Map.of("triage.ledger.enabled", "false", "triage.simulator.enabled", "true");
        }

        @Override
        public void stop() {}
    }

    @Test
    void routesStreamsAndAnswersErrorsAsShipped() throws InterruptedException {
        awaitReady();
        for (int i = 0; i < 30; i++) {
            given().contentType("application/json")
                    .body("{\"model\":\"auto\",\"messages\":[{\"role\":\"user\",\"content\":\"Question " + i
                            + ": explain how a hash map handles collisions.\"}]}")
                    .post("/v1/chat/completions")
                    .then()
                    .statusCode(200)
                    .header("x-triage-policy", "learned")
                    .body("object", equalTo("chat.completion"));
            given().contentType("application/json")
                    .body("{\"model\":\"weak\",\"stream\":true,\"stream_options\":{\"include_usage\":true},"
                            + "\"messages\":[{\"role\":\"user\",\"content\":\"hi " + i + "\"}]}")
                    .post("/v1/chat/completions")
                    .then()
                    .statusCode(200)
                    .contentType(startsWith("text/event-stream"))
                    .body(containsString("data: [DONE]"));
        }
        given().get("/v1/models").then().statusCode(200).body("object", equalTo("list"));
        given().contentType("application/json")
                .body("{\"model\":")
                .post("/v1/chat/completions")
                .then()
                .statusCode(400)
                .body("error.type", equalTo("invalid_request_error"));
        given().get("/q/metrics").then().statusCode(200).body(containsString("triage_"));
    }

    /** Ready, the router's first stage too: the image keeps the token table this run distils (Dockerfile.jvm). */
    private static void awaitReady() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (given().get("/q/health/ready").statusCode() != 200
                || !"ready"
                        .equals(given().get("/q/health/ready")
                                .path("checks.find { it.name == 'learned-router' }.data.first-stage"))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(
                        "not ready: " + given().get("/q/health/ready").asString());
            }
            Thread.sleep(100);
        }
    }
}
