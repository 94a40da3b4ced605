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
}
