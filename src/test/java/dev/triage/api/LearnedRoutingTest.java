package dev.triage.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.matchesPattern;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

    /**
     * Once its token table is loaded, the first stage decides the prompts it ranks clearly on one side of the
     * threshold (its version in the header), the encoder the others, and either way the tier follows p and the
     * threshold.
     */
    @Test
    void theFirstStageDecidesClearPromptsAndTheEncoderTheRest() throws InterruptedException {
        waitForTheFirstStage();
        Map<String, Integer> byStage = new HashMap<>();
        for (String prompt : VARIED_PROMPTS) {
            Response response = given().contentType("application/json")
                    .body(Map.of("model", "auto", "messages", List.of(Map.of("role", "user", "content", prompt))))
                    .post("/v1/chat/completions");
            response.then().statusCode(200);
            double p = Double.parseDouble(response.header(TriageHeaders.STRONG_PROBABILITY));
            double threshold = Double.parseDouble(response.header(TriageHeaders.THRESHOLD));
            assertThat(response.header(TriageHeaders.TIER)).as(prompt).isEqualTo(p >= threshold ? "strong" : "weak");
            String version = response.header(TriageHeaders.ROUTER_VERSION);
            byStage.merge(version.endsWith("-first-stage") ? "first" : "encoder", 1, Integer::sum);
        }
        assertThat(byStage).containsKeys("first", "encoder");
        given().get("/q/health/ready")
                .then()
                .body(
                        "checks.find { it.name == 'learned-router' }.data.first-stage-decisions",
                        greaterThanOrEqualTo(byStage.get("first")));
    }

    private static void waitForTheFirstStage() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        String state;
        while (!"ready"
                .equals(
                        state = given().get("/q/health/ready")
                                .path("checks.find { it.name == 'learned-router' }.data.first-stage"))) {
            assertThat(System.nanoTime()).as("first stage still " + state).isLessThan(deadline);
            Thread.sleep(200); // the token table is distilled (once per cache directory) after the encoder loads
        }
    }

    private static final List<String> VARIED_PROMPTS = List.of(
            "hi",
            "What is 2 + 2?",
            "Translate 'good morning' into French.",
            "Write a haiku about autumn leaves.",
            "Prove that there are infinitely many primes of the form 4k + 3.",
            "Implement a lock-free multi-producer multi-consumer queue in C++ and explain its memory ordering.",
            "Which is heavier, a kilogram of feathers or a kilogram of steel?",
            "Summarise the causes of the First World War in three sentences.",
            "Given the function f(x) = x^3 - 6x^2 + 9x + 1, find all local extrema and classify them.",
            "Name a fruit that is yellow.",
            "Write a SQL query returning the second highest salary per department, handling ties.",
            "Derive the closed form of the sum of k^2 for k from 1 to n by induction.",
            "What colour is the sky on a clear day?",
            "Explain the difference between TCP and UDP to a ten-year-old.",
            "Solve for x: 3x + 7 = 22.",
            "Design a rate limiter for a distributed API gateway with Redis and discuss its failure modes.",
            "Tell me a joke about cats.",
            "A train leaves at 3pm at 60 km/h and another at 4pm at 80 km/h; when does the second catch up?",
            "List three primary colours.",
            "Write a Python function that parses ISO 8601 durations without any library.");

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
