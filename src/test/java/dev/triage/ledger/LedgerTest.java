package dev.triage.ledger;

import static dev.triage.testsupport.FakeUpstream.json;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.triage.database.EmbeddedDatabase;
import dev.triage.testsupport.FakeUpstream;
import dev.triage.testsupport.FakeUpstreamResource;
import dev.triage.testsupport.LedgerRows;
import dev.triage.testsupport.Sse;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;

/** The ledger on a real PostgreSQL (the embedded one the gateway starts): rows, tokens, cost, and no loss. */
@QuarkusTest
@WithTestResource(FakeUpstreamResource.class)
class LedgerTest {

    private static final String ANSWER =
            "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,"
                    + "\"message\":{\"role\":\"assistant\",\"content\":\"ok\"},\"finish_reason\":\"stop\"}],"
                    + "\"usage\":{\"prompt_tokens\":1200,\"completion_tokens\":300,\"total_tokens\":1500}}";
    private static final String CHUNK =
            "{\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hi\"}}]}";
    private static final String USAGE = "{\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"choices\":[],"
            + "\"usage\":{\"prompt_tokens\":7,\"completion_tokens\":2,\"total_tokens\":9}}";

    @Inject
    Pool pool;

    @Inject
    EmbeddedDatabase database;

    @Inject
    LedgerWriter writer;

    @Test
    void answerIsRecordedWithItsTokensAndCost() {
        String id = scripted(json(200, ANSWER));
        chat(id).statusCode(200);
        Row row = rowOf(id);
        assertThat(row.getString("model")).isEqualTo("fake-model");
        assertThat(row.getLong("input_tokens")).isEqualTo(1200);
        assertThat(row.getLong("output_tokens")).isEqualTo(300);
        // 1200 x 1.50 + 300 x 4.00 per million tokens
        assertThat(row.getBigDecimal("cost_usd")).isEqualByComparingTo(new BigDecimal("0.003"));
        assertThat(row.getInteger("status")).isEqualTo(200);
        assertThat(row.getString("outcome")).isEqualTo("ok");
        assertThat(row.getBoolean("streamed")).isFalse();
        assertThat(given().get("/q/metrics").asString())
                .contains("triage_tokens_total{direction=\"input\",model=\"fake-model\"}")
                .contains("triage_cost_usd_total{model=\"fake-model\",route=\"\"}")
                .contains("triage_requests_total{model=\"fake-model\",outcome=\"ok\",route=\"\",tier=\"\"}");
    }

    @Test
    void streamIsMeteredFromTheUsageChunkTheGatewayAskedFor() throws Exception {
        String id = scripted(FakeUpstream.sse(CHUNK, USAGE, "[DONE]"));
        Sse.Reply reply = Sse.post(
                "/v1/chat/completions",
                id,
                "{\"model\":\"fake-model\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
        assertThat(reply.data()).containsExactly(CHUNK, "[DONE]");
        assertThat(FakeUpstream.get().received(id).getFirst().body())
                .contains("\"stream_options\":{\"include_usage\":true}");
        Row row = rowOf(id);
        assertThat(row.getLong("input_tokens")).isEqualTo(7);
        assertThat(row.getLong("output_tokens")).isEqualTo(2);
        assertThat(row.getBoolean("streamed")).isTrue();
    }

    @Test
    void clientThatAskedForUsageGetsTheUsageChunk() throws Exception {
        String id = scripted(FakeUpstream.sse(CHUNK, USAGE, "[DONE]"));
        Sse.Reply reply = Sse.post(
                "/v1/chat/completions",
                id,
                "{\"model\":\"fake-model\",\"stream\":true,"
                        + "\"stream_options\":{\"include_usage\":true},\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
        assertThat(reply.data()).containsExactly(CHUNK, USAGE, "[DONE]");
        assertThat(rowOf(id).getLong("output_tokens")).isEqualTo(2);
    }

    @Test
    void failedRequestIsRecordedToo() {
        String id = scripted(json(500, "{\"error\":{\"message\":\"boom\"}}"));
        chat(id).statusCode(502);
        Row row = rowOf(id);
        assertThat(row.getInteger("status")).isEqualTo(502);
        assertThat(row.getString("outcome")).isEqualTo("upstream_500");
        assertThat(row.getString("attempts")).isEqualTo("fake-model;tries=1;error=upstream_500");
    }

    @Test
    void rowsWaitWhileTheDatabaseIsDownAndNoneIsLost() throws Exception {
        String first = scripted(json(200, ANSWER));
        chat(first).statusCode(200);
        rowOf(first); // the schema is in place and the writer is writing
        database.stop();
        List<String> ids = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                String id = scripted(json(200, ANSWER));
                long start = System.nanoTime();
                chat(id).statusCode(200);
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
                ids.add(id);
            }
            Thread.sleep(300);
            assertThat(writer.buffered()).isGreaterThanOrEqualTo(5);
            assertThat(writer.databaseUp()).isFalse();
        } finally {
            database.start();
        }
        for (String id : ids) {
            assertThat(rowOf(id).getLong("input_tokens")).isEqualTo(1200);
        }
        assertThat(given().get("/q/metrics").asString()).contains("triage_ledger_dropped_total 0.0");
    }

    private static String scripted(FakeUpstream.Script script) {
        String id = "ledger-" + UUID.randomUUID();
        FakeUpstream.get().script(id, script);
        return id;
    }

    private static io.restassured.response.ValidatableResponse chat(String id) {
        return given().contentType("application/json")
                .header("x-request-id", id)
                .body("{\"model\":\"fake-model\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                .post("/v1/chat/completions")
                .then();
    }

    private Row rowOf(String requestId) {
        return LedgerRows.rowOf(pool, requestId);
    }
}
