package dev.triage.api;

import static dev.triage.api.ChatCompletionsTest.newId;
import static dev.triage.testsupport.FakeUpstream.json;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.triage.testsupport.FakeUpstream;
import dev.triage.testsupport.FakeUpstreamResource;
import dev.triage.testsupport.Sse;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@WithTestResource(FakeUpstreamResource.class)
class UpstreamFailureTest {

    private static final String CHAT =
            "{\"model\":\"fake-model\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    private static final String STREAM =
            "{\"model\":\"fake-model\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    private static final String CHUNK =
            "{\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hel\"}}]}";

    @Test
    void upstreamServerErrorBecomesBadGatewayWithItsMessage() {
        chat(FakeUpstream.json(500, "{\"error\":{\"message\":\"engine overloaded\",\"type\":\"server_error\"}}"))
                .statusCode(502)
                .body("error.type", equalTo("upstream_error"))
                .body("error.code", equalTo("upstream_500"))
                .body("error.message", containsString("engine overloaded"))
                .body("error.param", nullValue());
    }

    @Test
    void theUpstreamsRateLimitHeadersReachTheClientAndNothingElseOfItsHeaders() {
        String answer = "{\"id\":\"x\",\"object\":\"chat.completion\",\"choices\":[]}";
        chat(new FakeUpstream.Respond(
                        200,
                        "application/json",
                        answer,
                        Map.of(
                                "x-ratelimit-remaining-requests", "499",
                                "x-ratelimit-reset-tokens", "6ms",
                                "openai-processing-ms", "321",
                                "openai-organization", "org-secret")))
                .statusCode(200)
                .header("x-ratelimit-remaining-requests", "499")
                .header("x-ratelimit-reset-tokens", "6ms")
                .header("openai-processing-ms", "321")
                .header("openai-organization", nullValue());
    }

    @Test
    void upstreamRateLimitPassesThroughAsTheUpstreamSaidIt() {
        String body =
                "{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\",\"param\":null,\"code\":\"rate_limit_exceeded\"}}";
        // a model of its own: the 429 cools it down for 7 s
        String answer = chat(
                        new FakeUpstream.Respond(429, "application/json", body, Map.of("Retry-After", "7")),
                        CHAT.replace("fake-model", "limited-model"))
                .statusCode(429)
                .header("Retry-After", "7")
                .extract()
                .asString();
        assertThat(answer).isEqualTo(body);
    }

    @Test
    void upstreamBadRequestPassesThroughVerbatim() {
        String body =
                "{\"error\":{\"message\":\"This model's maximum context length is 8192 tokens\",\"type\":\"invalid_request_error\",\"param\":\"messages\",\"code\":\"context_length_exceeded\"}}";
        assertThat(chat(json(400, body)).statusCode(400).extract().asString()).isEqualTo(body);
    }

    @Test
    void upstreamErrorWithoutEnvelopeStillGetsOne() {
        chat(new FakeUpstream.Respond(404, "text/html", "<html>nope</html>", Map.of()))
                .statusCode(404)
                .body("error.code", equalTo("upstream_404"))
                .body("error.message", equalTo("The upstream rejected the request with status 404."));
    }

    @Test
    void garbageJsonFromUpstreamIsABadGateway() {
        chat(json(200, "{\"id\":\"chatcmpl-1\",\"choices\":[{\"mess"))
                .statusCode(502)
                .body("error.code", equalTo("upstream_malformed_response"));
    }

    @Test
    void hangingUpstreamTimesOutWithGatewayTimeout() {
        long start = System.nanoTime();
        chat(new FakeUpstream.Hang()).statusCode(504).body("error.code", equalTo("upstream_timeout"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void unreachableUpstreamIsABadGateway() {
        given().contentType("application/json")
                .body("{\"model\":\"unreachable-model\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                .post("/v1/chat/completions")
                .then()
                .statusCode(502)
                .body("error.code", equalTo("upstream_unreachable"))
                .body("error.message", equalTo("Provider 'closed' could not be reached."));
    }

    @Test
    void streamCutMidwayEndsWithAnErrorEventNotSilence() throws Exception {
        String id = newId();
        FakeUpstream.get().script(id, new FakeUpstream.Stream(List.of(CHUNK, CHUNK), Duration.ZERO, false));

        Sse.Reply reply = Sse.post("/v1/chat/completions", id, STREAM);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.data()).hasSize(3).startsWith(CHUNK, CHUNK).doesNotContain("[DONE]");
        assertThat(reply.data().getLast())
                .contains("\"type\":\"upstream_error\"")
                .contains("\"code\":\"upstream_connection_lost\"")
                .contains("the answer is incomplete");
    }

    @Test
    void streamEndingWithoutDoneIsReportedAsTruncated() throws Exception {
        String id = newId();
        FakeUpstream.get().script(id, FakeUpstream.sse(CHUNK));

        Sse.Reply reply = Sse.post("/v1/chat/completions", id, STREAM);

        assertThat(reply.data()).hasSize(2).first().isEqualTo(CHUNK);
        assertThat(reply.data().getLast()).contains("\"code\":\"upstream_stream_truncated\"");
    }

    @Test
    void streamRejectedByTheUpstreamBeforeItStartsGetsTheUpstreamStatus() throws Exception {
        String id = newId();
        String body =
                "{\"error\":{\"message\":\"Invalid 'messages'\",\"type\":\"invalid_request_error\",\"param\":\"messages\",\"code\":null}}";
        FakeUpstream.get().script(id, json(400, body));

        Sse.Reply reply = Sse.post("/v1/chat/completions", id, STREAM);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/json");
        assertThat(reply.rawBody()).contains("Invalid 'messages'");
    }

    @Test
    void streamFromAFailingUpstreamGetsAProperStatus() throws Exception {
        String id = newId();
        FakeUpstream.get().script(id, json(503, "{\"error\":{\"message\":\"down for maintenance\"}}"));

        Sse.Reply reply = Sse.post("/v1/chat/completions", id, STREAM);

        assertThat(reply.status()).isEqualTo(502);
        assertThat(reply.rawBody()).contains("down for maintenance");
    }

    @Test
    void hangingStreamTimesOut() throws Exception {
        String id = newId();
        FakeUpstream.get().script(id, new FakeUpstream.Hang());

        Sse.Reply reply = Sse.post("/v1/chat/completions", id, STREAM);

        assertThat(reply.status()).isEqualTo(504);
    }

    @Test
    void emptyStreamIsABadGateway() throws Exception {
        String id = newId();
        FakeUpstream.get().script(id, new FakeUpstream.Stream(List.of(), Duration.ZERO, true));

        Sse.Reply reply = Sse.post("/v1/chat/completions", id, STREAM);

        assertThat(reply.status()).isEqualTo(502);
        assertThat(reply.rawBody()).contains("upstream_empty_stream");
    }

    private static ValidatableResponse chat(FakeUpstream.Script script) {
        return chat(script, CHAT);
    }

    private static ValidatableResponse chat(FakeUpstream.Script script, String body) {
        String id = newId();
        FakeUpstream.get().script(id, script);
        return given().header("x-request-id", id)
                .contentType("application/json")
                .body(body)
                .post("/v1/chat/completions")
                .then()
                .header("x-request-id", id)
                .contentType(containsString("application/json"));
    }
}
