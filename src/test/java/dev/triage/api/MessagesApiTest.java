package dev.triage.api;

import static dev.triage.testsupport.FakeUpstream.json;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.triage.testsupport.FakeUpstream;
import dev.triage.testsupport.FakeUpstreamResource;
import dev.triage.testsupport.NamedEvents;
import dev.triage.testsupport.Sse;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Anthropic's Messages API in front: translated to Chat Completions upstream and back, in Anthropic's envelopes. */
@QuarkusTest
@WithTestResource(FakeUpstreamResource.class)
class MessagesApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Every block kind and field the translation reads. */
    static final String ANTHROPIC_REQUEST = """
            {"model":"fake-model","max_tokens":256,"temperature":0.5,"stop_sequences":["END"],\
            "metadata":{"user_id":"u-1"},\
            "system":[{"type":"text","text":"Be brief."},{"type":"text","text":"Use tools."}],\
            "tools":[{"name":"get_weather","description":"Weather now",\
            "input_schema":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}}],\
            "tool_choice":{"type":"any","disable_parallel_tool_use":true},\
            "messages":[\
            {"role":"user","content":[{"type":"text","text":"Weather here?"},\
            {"type":"image","source":{"type":"base64","media_type":"image/png","data":"iVBORw0KGgo="}}]},\
            {"role":"assistant","content":[{"type":"text","text":"Checking."},\
            {"type":"tool_use","id":"toolu_1","name":"get_weather","input":{"city":"Oslo"}}]},\
            {"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_1","content":[{"type":"text","text":"-3 C"}]},\
            {"type":"text","text":"And in Paris?"}]}]}""";

    /** What the upstream must receive for it (the model already its upstream id). */
    static final String CHAT_REQUEST = """
            {"model":"upstream-model","messages":[\
            {"role":"system","content":"Be brief.\\nUse tools."},\
            {"role":"user","content":[{"type":"text","text":"Weather here?"},\
            {"type":"image_url","image_url":{"url":"data:image/png;base64,iVBORw0KGgo="}}]},\
            {"role":"assistant","content":"Checking.","tool_calls":[{"id":"toolu_1","type":"function",\
            "function":{"name":"get_weather","arguments":"{\\"city\\":\\"Oslo\\"}"}}]},\
            {"role":"tool","tool_call_id":"toolu_1","content":"-3 C"},\
            {"role":"user","content":[{"type":"text","text":"And in Paris?"}]}],\
            "max_tokens":256,"temperature":0.5,"stop":["END"],"user":"u-1",\
            "tools":[{"type":"function","function":{"name":"get_weather","description":"Weather now",\
            "parameters":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}}}],\
            "tool_choice":"required","parallel_tool_calls":false}""";

    @Test
    void aMessageGoesUpstreamAsChatCompletionsAndItsAnswerComesBackAsAMessage() throws Exception {
        String id = ChatCompletionsTest.newId();
        FakeUpstream.get().script(id, json(200, ChatCompletionsTest.UPSTREAM_COMPLETION));

        Response response = given().header("x-request-id", id)
                .header("x-api-key", "client-key")
                .header("anthropic-version", "2023-06-01")
                .contentType("application/json")
                .body(ANTHROPIC_REQUEST)
                .post("/v1/messages");

        response.then()
                .statusCode(200)
                .contentType(startsWith("application/json"))
                .header(TriageHeaders.MODEL, "fake-model");
        assertThat(JSON.readTree(FakeUpstream.get().received(id).getFirst().body()))
                .isEqualTo(JSON.readTree(CHAT_REQUEST));
        assertThat(JSON.readTree(response.asString())).isEqualTo(JSON.readTree("""
                        {"id":"msg_1","type":"message","role":"assistant","model":"upstream-model",\
                        "content":[{"type":"tool_use","id":"call_1","name":"get_weather","input":{"city":"Paris"}}],\
                        "stop_reason":"tool_use","stop_sequence":null,"usage":{"input_tokens":11,"output_tokens":7}}"""));
    }

    @Test
    void aStreamBecomesAnthropicsEventsWithTextAndToolBlocksAndUsageAtTheEnd() throws Exception {
        String id = ChatCompletionsTest.newId();
        FakeUpstream.get()
                .script(
                        id,
                        new FakeUpstream.Stream(
                                List.of(
                                        FakeUpstream.chatChunk("{\"role\":\"assistant\",\"content\":\"\"}", null),
                                        FakeUpstream.chatChunk("{\"content\":\"Let me \"}", null),
                                        FakeUpstream.chatChunk("{\"content\":\"check.\"}", null),
                                        FakeUpstream.chatChunk(
                                                "{\"tool_calls\":[{\"index\":0,\"id\":\"call_9\",\"type\":\"function\","
                                                        + "\"function\":{\"name\":\"get_weather\",\"arguments\":\"\"}}]}",
                                                null),
                                        FakeUpstream.chatChunk(
                                                "{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"{\\\"city\\\":\"}}]}",
                                                null),
                                        FakeUpstream.chatChunk(
                                                "{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"\\\"Paris\\\"}\"}}]}",
                                                null),
                                        FakeUpstream.chatChunk("{}", "tool_calls"),
                                        "{\"id\":\"chatcmpl-9\",\"object\":\"chat.completion.chunk\",\"created\":1,"
                                                + "\"model\":\"upstream-model\",\"choices\":[],"
                                                + "\"usage\":{\"prompt_tokens\":20,\"completion_tokens\":9,\"total_tokens\":29}}"),
                                Duration.ZERO,
                                true));

        Sse.Reply reply = Sse.post("/v1/messages", id, streamed("fake-model"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("text/event-stream");
        List<JsonNode> events = NamedEvents.parse(reply.rawBody());
        assertThat(events)
                .extracting(event -> event.path("type").asText())
                .containsExactly(
                        "message_start",
                        "content_block_start",
                        "content_block_delta",
                        "content_block_delta",
                        "content_block_stop",
                        "content_block_start",
                        "content_block_delta",
                        "content_block_delta",
                        "content_block_stop",
                        "message_delta",
                        "message_stop");
        assertThat(events.get(0).path("message").path("id").asText()).isEqualTo("msg_9");
        assertThat(events.get(2).path("delta").path("text").asText()).isEqualTo("Let me ");
        assertThat(events.get(5).path("index").asInt()).isEqualTo(1);
        assertThat(events.get(5).path("content_block").path("id").asText()).isEqualTo("call_9");
        assertThat(events.get(5).path("content_block").path("name").asText()).isEqualTo("get_weather");
        assertThat(events.get(6).path("delta").path("partial_json").asText()
                        + events.get(7).path("delta").path("partial_json").asText())
                .isEqualTo("{\"city\":\"Paris\"}");
        assertThat(events.get(9).path("delta").path("stop_reason").asText()).isEqualTo("tool_use");
        assertThat(events.get(9).path("usage").path("input_tokens").asInt()).isEqualTo(20);
        assertThat(events.get(9).path("usage").path("output_tokens").asInt()).isEqualTo(9);
        // the client's stream asked for no usage; the gateway asked for it upstream for Anthropic's message_delta
        assertThat(FakeUpstream.get().received(id).getFirst().body()).contains("\"include_usage\":true");
    }

    @Test
    void aStreamCutBeforeItFinishedEndsWithAnAnthropicErrorEvent() throws Exception {
        String id = ChatCompletionsTest.newId();
        FakeUpstream.get()
                .script(
                        id,
                        new FakeUpstream.Stream(
                                List.of(FakeUpstream.chatChunk("{\"content\":\"Hel\"}", null)), Duration.ZERO, false));

        Sse.Reply reply = Sse.post("/v1/messages", id, streamed("fake-model"));

        List<JsonNode> events = NamedEvents.parse(reply.rawBody());
        assertThat(events.getFirst().path("type").asText()).isEqualTo("message_start");
        assertThat(events.getLast().path("type").asText()).isEqualTo("error");
        assertThat(events.getLast().path("error").path("type").asText()).isEqualTo("api_error");
        assertThat(events.getLast().path("error").path("message").asText()).contains("incomplete");
    }

    @Test
    void badRequestsAndUpstreamErrorsGetAnthropicsEnvelope() {
        given().contentType("application/json")
                .body("{\"model\":\"fake-model\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                .post("/v1/messages")
                .then()
                .statusCode(400)
                .body("type", equalTo("error"))
                .body("error.type", equalTo("invalid_request_error"))
                .body("error.message", startsWith("max_tokens"));
        given().contentType("application/json")
                .body(
                        "{\"model\":\"fake-model\",\"max_tokens\":5,\"messages\":[{\"role\":\"system\",\"content\":\"hi\"}]}")
                .post("/v1/messages")
                .then()
                .statusCode(400)
                .body("error.message", startsWith("messages.0.role"));
        given().contentType("application/json")
                .body(
                        "{\"model\":\"no-such-model\",\"max_tokens\":5,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                .post("/v1/messages")
                .then()
                .statusCode(404)
                .body("type", equalTo("error"))
                .body("error.type", equalTo("not_found_error"));
        given().contentType("application/json")
                .body("{not json")
                .post("/v1/messages")
                .then()
                .statusCode(400)
                .body("error.type", equalTo("invalid_request_error"));
        given().contentType("application/json")
                .get("/v1/messages")
                .then()
                .statusCode(405)
                .body("type", equalTo("error"));

        String id = ChatCompletionsTest.newId();
        FakeUpstream.get()
                .script(
                        id,
                        new FakeUpstream.Respond(
                                400,
                                "application/json",
                                "{\"error\":{\"message\":\"This model's context is 8192 tokens.\",\"type\":\"invalid_request_error\"}}",
                                Map.of()));
        given().header("x-request-id", id)
                .contentType("application/json")
                .body(
                        "{\"model\":\"fake-model\",\"max_tokens\":5,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                .post("/v1/messages")
                .then()
                .statusCode(400)
                .body("type", equalTo("error"))
                .body("error.type", equalTo("invalid_request_error"))
                .body("error.message", equalTo("This model's context is 8192 tokens."));
    }

    @Test
    void routesWorkAsOnChatCompletionsWithTheirHeaders() {
        given().contentType("application/json")
                .body(
                        "{\"model\":\"router-mf-0\",\"max_tokens\":50,\"messages\":[{\"role\":\"user\",\"content\":\"Explain monads.\"}]}")
                .post("/v1/messages")
                .then()
                .statusCode(200)
                .header(TriageHeaders.ROUTE, "auto")
                .header(TriageHeaders.POLICY, "learned")
                .header(TriageHeaders.MODEL, "sim-strong")
                .body("type", equalTo("message"))
                .body("content[0].text", startsWith("[simulated sim-strong]"))
                .body("usage.output_tokens", greaterThan(0));
        given().contentType("application/json")
                .body("{\"model\":\"weak\",\"messages\":[{\"role\":\"user\",\"content\":\"What is 2+2?\"}]}")
                .post("/v1/messages/count_tokens")
                .then()
                .statusCode(200)
                .body("input_tokens", greaterThan(3));
    }

    private static String streamed(String model) {
        return "{\"model\":\"" + model + "\",\"max_tokens\":100,\"stream\":true,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"Weather in Paris?\"}]}";
    }
}
