package dev.triage.api;

import static dev.triage.testsupport.FakeUpstream.json;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.triage.testsupport.FakeUpstream;
import dev.triage.testsupport.FakeUpstreamResource;
import dev.triage.testsupport.LedgerRows;
import dev.triage.testsupport.ProviderPayloads;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;

@QuarkusTest
@WithTestResource(FakeUpstreamResource.class)
class PoolRoutesTest {

    @Inject
    Pool pool;

    @Test
    void aCostFirstRouteAnswersWithItsCheapestGoodEnoughCandidateAndSaysWhy() {
        String id = ChatCompletionsTest.newId();
        FakeUpstream.get().script(id, json(200, ProviderPayloads.OPENAI_COMPLETION));
        given().contentType("application/json")
                .header("x-request-id", id)
                .body("{\"model\":\"pool-cost\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                .post("/v1/chat/completions")
                .then()
                .statusCode(200)
                .header(TriageHeaders.ROUTE, "pool-cost")
                .header(TriageHeaders.MODEL, "fake-model")
                .header(TriageHeaders.TIER, "candidate")
                .header(TriageHeaders.POLICY, "cost-first")
                // "hi" is 1 token, 256 expected: fake-model 1.50 / 4.00, Claude 3.00 / 15.00 per million
                .header(
                        TriageHeaders.CANDIDATES,
                        equalTo("fake-model;q=0.860;usd=0.001026, " + "claude-model;q=0.900;usd=0.003843"))
                .body("choices[0].message.content", startsWith("Hello"));
        Row row = LedgerRows.rowOf(pool, id);
        assertThat(row.getString("route")).isEqualTo("pool-cost");
        assertThat(row.getString("tier")).isEqualTo("candidate");
        assertThat(row.getString("model")).isEqualTo("fake-model");
    }

    @Test
    void aLatencyFirstRouteWeighsEachCandidatesRecentLatency() {
        ask("claude-model", ProviderPayloads.ANTHROPIC_MESSAGE).then().statusCode(200);
        ask("fake-model", ProviderPayloads.OPENAI_COMPLETION).then().statusCode(200);
        Response routed = ask("pool-fast", ProviderPayloads.OPENAI_COMPLETION);
        String model = routed.header(TriageHeaders.MODEL);
        assertThat(model).isIn("claude-model", "fake-model");
        assertThat(routed.header(TriageHeaders.POLICY)).isEqualTo("latency-first");
        assertThat(routed.header(TriageHeaders.CANDIDATES))
                .startsWith(model + ";")
                .containsPattern("claude-model;q=0\\.900;usd=[0-9.]+;ms=[0-9]+")
                .containsPattern("fake-model;q=0\\.860;usd=[0-9.]+;ms=[0-9]+");
    }

    @Test
    void aCascadeAnswerCutAtItsLimitGoesOnToTheNextCandidateAndBothAreBilled() {
        String id = ChatCompletionsTest.newId();
        String cut = ProviderPayloads.OPENAI_COMPLETION.replace(
                "\"finish_reason\":\"stop\"", "\"finish_reason\":\"length\"");
        FakeUpstream.get().script(id, "upstream-model", json(200, cut));
        FakeUpstream.get().script(id, "claude-upstream", json(200, ProviderPayloads.ANTHROPIC_MESSAGE));
        given().contentType("application/json")
                .header("x-request-id", id)
                .body("{\"model\":\"pool-cascade\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                .post("/v1/chat/completions")
                .then()
                .statusCode(200)
                .header(TriageHeaders.MODEL, "claude-model")
                .header(TriageHeaders.POLICY, "cascade")
                .header(TriageHeaders.CANDIDATES, "fake-model;failed=length, claude-model")
                .header("x-triage-attempts", "fake-model;tries=1;failed=length, claude-model;tries=1;ok")
                .body("choices[0].message.content", equalTo("Hello! How can I help?"));
        assertThat(LedgerRows.rowsOf(pool, id, 2))
                .extracting(row -> row.getString("model") + ":" + row.getString("outcome"))
                .containsExactlyInAnyOrder("fake-model:escalated_length", "claude-model:ok");
    }

    @Test
    void aCascadeAnswerThatPassesItsChecksStands() {
        Response answered = ask("pool-cascade", ProviderPayloads.OPENAI_COMPLETION);
        assertThat(answered.statusCode()).isEqualTo(200);
        assertThat(answered.header(TriageHeaders.MODEL)).isEqualTo("fake-model");
        assertThat(answered.header(TriageHeaders.CANDIDATES)).isEqualTo("fake-model, claude-model");
    }

    /** One request to {@code model} (a model or a route), its upstream answering {@code payload}. */
    private static Response ask(String model, String payload) {
        String id = ChatCompletionsTest.newId();
        FakeUpstream.get().script(id, json(200, payload));
        return given().contentType("application/json")
                .header("x-request-id", id)
                .body("{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                .post("/v1/chat/completions");
    }
}
