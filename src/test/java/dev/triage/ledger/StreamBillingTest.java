package dev.triage.ledger;

import static dev.triage.testsupport.FakeUpstream.json;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.triage.testsupport.FakeUpstream;
import dev.triage.testsupport.FakeUpstreamResource;
import dev.triage.testsupport.LedgerRows;
import dev.triage.testsupport.Sse;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;

/**
 * Every token is billed: a stream is metered whatever the client asked of its usage, a stream that ends without a usage
 * report (the client left, the stream was cut, the upstream sends none) is billed on the gateway's own count and
 * flagged as estimated, and a row the database cannot store is set aside without holding up the others.
 */
@QuarkusTest
@WithTestResource(FakeUpstreamResource.class)
class StreamBillingTest {

    private static final String CHUNK =
            "{\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hello there\"}}]}";
    private static final String USAGE = "{\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"choices\":[],"
            + "\"usage\":{\"prompt_tokens\":7,\"completion_tokens\":2,\"total_tokens\":9}}";
    private static final String MESSAGES = "\"messages\":[{\"role\":\"user\",\"content\":\"Say hello to everyone\"}]";

    @Inject
    Pool pool;

    @Test
    void aStreamIsMeteredWhateverTheClientAskedOfItsUsage() throws Exception {
        for (String options : List.of("\"stream_options\":{}", "\"stream_options\":{\"include_usage\":false}")) {
            String id = scripted(FakeUpstream.sse(CHUNK, USAGE, "[DONE]"));
            Sse.Reply reply = Sse.post(
                    "/v1/chat/completions",
                    id,
                    "{\"model\":\"fake-model\",\"stream\":true," + options + "," + MESSAGES + "}");
            assertThat(reply.data()).as(options).containsExactly(CHUNK, "[DONE]");
            assertThat(FakeUpstream.get().received(id).getFirst().body())
                    .as(options)
                    .contains("\"stream_options\":{\"include_usage\":true}");
            Row row = rowOf(id);
            assertThat(row.getLong("output_tokens")).as(options).isEqualTo(2);
            assertThat(row.getBoolean("usage_estimated")).isFalse();
        }
    }

    @Test
    void aStreamedLegacyCompletionIsMetered() throws Exception {
        String text = "{\"id\":\"c\",\"object\":\"text_completion\",\"choices\":[{\"index\":0,\"text\":\"Hi\"}]}";
        String usage = "{\"id\":\"c\",\"object\":\"text_completion\",\"choices\":[],"
                + "\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":1,\"total_tokens\":6}}";
        String id = scripted(FakeUpstream.sse(text, usage, "[DONE]"));
        Sse.Reply reply =
                Sse.post("/v1/completions", id, "{\"model\":\"fake-model\",\"stream\":true,\"prompt\":\"Say hi\"}");
        assertThat(reply.data()).containsExactly(text, "[DONE]");
        Row row = rowOf(id);
        assertThat(row.getLong("input_tokens")).isEqualTo(5);
        assertThat(row.getBigDecimal("cost_usd")).isPositive();
    }

    @Test
    void aStreamWithoutUsageIsBilledOnAnEstimate() throws Exception {
        String id = scripted(FakeUpstream.sse(CHUNK, CHUNK, "[DONE]"));
        Sse.post("/v1/chat/completions", id, "{\"model\":\"fake-model\",\"stream\":true," + MESSAGES + "}");
        Row row = rowOf(id);
        assertThat(row.getBoolean("usage_estimated")).isTrue();
        // "Hello there" twice is 4 tokens in o200k_base; the prompt's 4 words plus OpenAI's message overhead
        assertThat(row.getLong("output_tokens")).isEqualTo(4);
        assertThat(row.getLong("input_tokens")).isBetween(8L, 12L);
        assertThat(row.getBigDecimal("cost_usd")).isPositive();
    }

    @Test
    void aClientThatLeavesBeforeTheUsageChunkPaysForWhatItGot() throws Exception {
        String id = "billing-" + UUID.randomUUID();
        FakeUpstream.get()
                .script(id, new FakeUpstream.Stream(Collections.nCopies(20, CHUNK), Duration.ofMillis(100), true));
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/v1/chat/completions"))
                .header("Content-Type", "application/json")
                .header("x-request-id", id)
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"model\":\"fake-model\",\"stream\":true," + MESSAGES + "}"))
                .build();
        HttpResponse<InputStream> response =
                HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
            assertThat(reader.readLine()).isEqualTo("data: " + CHUNK);
        }
        Row row = rowOf(id);
        assertThat(row.getString("outcome")).isEqualTo("client_closed");
        assertThat(row.getBoolean("usage_estimated")).isTrue();
        assertThat(row.getLong("output_tokens")).isBetween(2L, 20L);
        assertThat(row.getBigDecimal("cost_usd")).isPositive();
    }

    @Test
    void anImpossibleTokenCountIsNotBelieved() {
        String id = scripted(json(
                200,
                "{\"id\":\"x\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,\"message\":{\"role\":"
                        + "\"assistant\",\"content\":\"ok\"}}],\"usage\":{\"prompt_tokens\":9223372036854775807,"
                        + "\"completion_tokens\":1}}"));
        chat(id, "fake-model");
        Row row = rowOf(id);
        assertThat(row.getBoolean("usage_estimated")).isTrue();
        assertThat(row.getLong("input_tokens")).isLessThan(100);
    }

    @Test
    void aRowTheDatabaseRefusesIsSetAsideAndTheOthersAreWritten() throws InterruptedException {
        String ok = "{\"id\":\"x\",\"object\":\"chat.completion\",\"choices\":[],"
                + "\"usage\":{\"prompt_tokens\":1200,\"completion_tokens\":300}}";
        String refused = scripted(json(200, ok));
        String fine = scripted(json(200, ok));
        chat(refused, "pricey-model"); // its cost overflows the cost column
        chat(fine, "fake-model");
        assertThat(rowOf(fine).getLong("input_tokens")).isEqualTo(1200);
        Thread.sleep(300);
        assertThat(LedgerRows.exists(pool, refused)).isFalse();
        assertThat(given().get("/q/metrics").asString()).containsPattern("triage_ledger_rejected_total [1-9]");
    }

    private Row rowOf(String requestId) {
        return LedgerRows.rowOf(pool, requestId);
    }

    private static String scripted(FakeUpstream.Script script) {
        String id = "billing-" + UUID.randomUUID();
        FakeUpstream.get().script(id, script);
        return id;
    }

    private static void chat(String id, String model) {
        given().contentType("application/json")
                .header("x-request-id", id)
                .body("{\"model\":\"" + model + "\"," + MESSAGES + "}")
                .post("/v1/chat/completions")
                .then()
                .statusCode(200);
    }
}
