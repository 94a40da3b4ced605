package dev.triage.api;

import static dev.triage.testsupport.FakeUpstream.json;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.triage.testsupport.FakeUpstream;
import dev.triage.testsupport.FakeUpstreamResource;
import dev.triage.testsupport.ProviderPayloads;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
@WithTestResource(FakeUpstreamResource.class)
class DeploymentsTest {

    @Test
    void weightedDeploymentsShareTheCallsInProportion() {
        int onFirst = 0;
        int calls = 200;
        for (int i = 0; i < calls; i++) {
            Response answer = ask("spread-model");
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.header(TriageHeaders.MODEL)).isEqualTo("spread-model");
            String attempts = answer.header("x-triage-attempts");
            assertThat(attempts).isIn("spread-model@fake;tries=1;ok", "spread-model@fake-second;tries=1;ok");
            onFirst += attempts.startsWith("spread-model@fake;") ? 1 : 0;
        }
        // weights 3 : 1, so 150 of 200 expected; 120-180 holds with a probability far above 0.9999
        assertThat(onFirst).isBetween(120, 180);
    }

    @Test
    void aDeploymentThatFailsHandsTheCallToTheNextBeforeAnyOtherModel() {
        Response answer = ask("failover-model");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.header(TriageHeaders.MODEL)).isEqualTo("failover-model");
        assertThat(answer.header(TriageHeaders.FALLBACK)).isNull();
        assertThat(answer.header("x-triage-attempts"))
                .startsWith("failover-model@closed;tries=1;error=")
                .endsWith(", failover-model@fake;tries=1;ok");
    }

    @Test
    void lowestLatencyTimesEachDeploymentThenKeepsToTheFastest() {
        Duration slow = Duration.ofMillis(300);
        List<String> first = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String id = ChatCompletionsTest.newId();
            FakeUpstream.get()
                    .script(
                            id,
                            "slow-upstream",
                            new FakeUpstream.Slow(slow, json(200, ProviderPayloads.OPENAI_COMPLETION)));
            FakeUpstream.get().script(id, "upstream-model", json(200, ProviderPayloads.OPENAI_COMPLETION));
            Response answer = send(id, "quick-model");
            assertThat(answer.statusCode()).isEqualTo(200);
            first.add(answer.header("x-triage-attempts").split(";")[0]);
        }
        // untimed deployments go first, the configured order breaking the tie; then the faster one keeps the calls
        assertThat(first)
                .containsExactly("quick-model@fake-second", "quick-model@fake", "quick-model@fake", "quick-model@fake");
    }

    private static Response ask(String model) {
        String id = ChatCompletionsTest.newId();
        FakeUpstream.get().script(id, json(200, ProviderPayloads.OPENAI_COMPLETION));
        return send(id, model);
    }

    private static Response send(String id, String model) {
        return given().contentType("application/json")
                .header("x-request-id", id)
                .body("{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                .post("/v1/chat/completions");
    }
}
