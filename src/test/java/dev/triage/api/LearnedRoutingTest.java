package dev.triage.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import org.junit.jupiter.api.Test;

import dev.triage.testsupport.FakeUpstreamResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** The demo's learned route "auto" (sim-strong vs sim-weak) decided by the real router, in the gateway. */
@QuarkusTest
@WithTestResource(FakeUpstreamResource.class)
class LearnedRoutingTest {

    private static final String PROMPT = "Prove that the square root of two is irrational.";

    @Test
    void aRouteThresholdOfZeroSendsEverythingToTheStrongModel() {
        ask("router-mf-0")
                .then()
                .statusCode(200)
                .header(TriageHeaders.TIER, "strong")
                .header(TriageHeaders.MODEL, "sim-strong")
                .header(TriageHeaders.POLICY, "learned")
                .header(TriageHeaders.THRESHOLD, "0.00000")
                .body("model", equalTo("sim-strong"));
    }

    @Test
    void aThresholdOfOneSendsEverythingToTheWeakModel() {
        ask("router-mf-1")
                .then()
                .statusCode(200)
                .header(TriageHeaders.TIER, "weak")
                .header(TriageHeaders.MODEL, "sim-weak");
    }

    @Test
    void theDecisionExplainsItselfAndTheTierFollowsTheThreshold() {
        Response response = ask("auto");
        response.then()
                .statusCode(200)
                .header(TriageHeaders.ROUTE, "auto")
                .header(TriageHeaders.STRONG_PROBABILITY, matchesPattern("0\\.\\d{5}"))
                .header(TriageHeaders.DECISION_MS, matchesPattern("\\d+\\.\\d{2}"))
                .header(TriageHeaders.ROUTER_VERSION, matchesPattern("triage-router-.+"));
        double p = Double.parseDouble(response.header(TriageHeaders.STRONG_PROBABILITY));
        double threshold = Double.parseDouble(response.header(TriageHeaders.THRESHOLD));
        assertThat(response.header(TriageHeaders.TIER)).isEqualTo(p >= threshold ? "strong" : "weak");
        // the same prompt again: same probability, decided from the cache
        assertThat(ask("auto").header(TriageHeaders.STRONG_PROBABILITY))
                .isEqualTo(response.header(TriageHeaders.STRONG_PROBABILITY));
    }

    @Test
    void readinessReportsTheRouter() {
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("checks.find { it.name == 'learned-router' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'learned-router' }.data.encoder", equalTo("all-minilm-l6-v2"));
    }

    private static Response ask(String model) {
        return given().contentType("application/json")
                .body("{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"system\",\"content\":\"Be rigorous.\"},"
                        + "{\"role\":\"user\",\"content\":\"" + PROMPT + "\"}]}")
                .post("/v1/chat/completions");
    }
}
