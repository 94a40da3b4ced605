package dev.triage.api;

import static dev.triage.testsupport.FakeUpstream.json;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import dev.triage.testsupport.FakeUpstream;
import dev.triage.testsupport.FakeUpstreamResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
@WithTestResource(FakeUpstreamResource.class)
class ChatCompletionsTest {

    /** Every field the gateway does not interpret, in the formatting an upstream might use. */
    static final String UPSTREAM_COMPLETION = """
            {"id":"chatcmpl-1","object":"chat.completion","created":1700000000,"model":"upstream-model",\
            "choices":[{"index":0,"message":{"role":"assistant","content":null,"refusal":null,\
            "tool_calls":[{"id":"call_1","type":"function","function":{"name":"get_weather","arguments":"{\\"city\\":\\"Paris\\"}"}}],\
            "vendor_extra":{"k":[1,2.50,1e-7],"s":"caf\\u00e9 \\ud83d\\ude00"}},"logprobs":null,"finish_reason":"tool_calls"}],\
            "usage":{"prompt_tokens":11,"completion_tokens":7,"total_tokens":18,"prompt_tokens_details":{"cached_tokens":3}},\
            "service_tier":"default",  "system_fingerprint":"fp_x", "x_unknown":null}""";

    static final String CLIENT_REQUEST = """
            {"model":"fake-model","messages":[{"role":"system","content":"Be brief."},{"role":"user","content":"Weather in Paris?","name":"ann"}],\
            "tools":[{"type":"function","function":{"name":"get_weather","parameters":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}}}],\
            "tool_choice":"auto","response_format":{"type":"json_object"},"seed":12345678901234567890,"logprobs":true,"top_logprobs":2,\
            "n":1,"stop":["\\n\\n"],"user":"u-1","temperature":0.70,"top_p":1.0,"guided_json":{"x":1e-7},"metadata":{"café":"ü"}}""";

    @Test
    void passesEveryFieldThroughBothWaysUnchanged() throws Exception {
        String id = newId();
        FakeUpstream.get().script(id, json(200, UPSTREAM_COMPLETION));

        Response response = given().header("x-request-id", id)
                .header("Authorization", "Bearer client-key")
                .contentType("application/json")
                .body(CLIENT_REQUEST)
                .post("/v1/chat/completions");

        response.then()
                .statusCode(200)
                .header("x-request-id", id)
                .header(TriageHeaders.MODEL, "fake-model")
                .contentType(startsWith("application/json"));
        assertThat(response.asByteArray())
                .isEqualTo(UPSTREAM_COMPLETION.getBytes(java.nio.charset.StandardCharsets.UTF_8));

        FakeUpstream.Received upstream = FakeUpstream.get().received(id).getFirst();
        assertThat(upstream.path()).isEqualTo("/v1/chat/completions");
        assertThat(upstream.headers()).containsEntry("authorization", "Bearer sk-upstream-secret");
        assertThat(upstream.body())
                .isEqualTo(CLIENT_REQUEST.replace("\"model\":\"fake-model\"", "\"model\":\"upstream-model\""));
    }

    @Test
    void streamsEventsAsTheyArriveAndEndsWithDone() throws Exception {
        String id = newId();
        String first =
                "{\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"x_vendor\":1}]}";
        String second =
                "{\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hi\"},\"finish_reason\":\"stop\"}]}";
        String usage =
                "{\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"choices\":[],\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":1,\"total_tokens\":6}}";
        FakeUpstream.get()
                .script(
                        id,
                        new FakeUpstream.Stream(
                                java.util.List.of(first, second, usage, "[DONE]"),
                                java.time.Duration.ofMillis(400),
                                true));

        var reply = dev.triage.testsupport.Sse.post(
                "/v1/chat/completions",
                id,
                "{\"model\":\"fake-route\",\"stream\":true,\"stream_options\":{\"include_usage\":true},"
                        + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("text/event-stream");
        assertThat(reply.data()).containsExactly(first, second, usage, "[DONE]");
        // the first event reached the client long before the upstream finished: nothing is buffered
        assertThat(reply.events().getLast().atMillis()
                        - reply.events().getFirst().atMillis())
                .isGreaterThan(900);
        assertThat(FakeUpstream.get().received(id).getFirst().body())
                .contains("\"stream_options\":{\"include_usage\":true}");
    }

    @Test
    void routeNamesExplainTheirDecisionInHeaders() {
        String id = newId();
        FakeUpstream.get().script(id, json(200, UPSTREAM_COMPLETION));

        given().header("x-request-id", id)
                .contentType("application/json")
                .body("{\"model\":\"fake-route\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                .post("/v1/chat/completions")
                .then()
                .statusCode(200)
                .header(TriageHeaders.ROUTE, "fake-route")
                .header(TriageHeaders.MODEL, "fake-model")
                .header(TriageHeaders.TIER, "fixed")
                .header(TriageHeaders.POLICY, "fixed");
    }

    @Test
    void acceptsRouteLlmModelNamesWithTheirThreshold() {
        given().contentType("application/json")
                .body("{\"model\":\"router-mf-0.11593\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                .post("/v1/chat/completions")
                .then()
                .statusCode(200)
                .header(TriageHeaders.ROUTE, "auto")
                .header(TriageHeaders.THRESHOLD, "0.11593")
                .header("x-request-id", startsWith("req_"));
    }

    static String newId() {
        return "test-" + UUID.randomUUID();
    }

    @Test
    void idleConnectionsAreClosedWithinMinutesNotHalfAnHour() {
        Duration idle = ConfigProvider.getConfig().getValue("quarkus.http.idle-timeout", Duration.class);
        assertThat(idle).isLessThanOrEqualTo(Duration.ofMinutes(2)).isGreaterThan(Duration.ofSeconds(60));
    }
}
