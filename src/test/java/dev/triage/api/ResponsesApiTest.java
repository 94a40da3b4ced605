package dev.triage.api;

import static dev.triage.testsupport.FakeUpstream.json;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.util.List;

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

/** OpenAI's Responses API in front: translated to Chat Completions upstream and back into responses and typed events. */
@QuarkusTest
@WithTestResource(FakeUpstreamResource.class)
class ResponsesApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Every item kind and field the translation reads. */
    static final String RESPONSES_REQUEST = """
            {"model":"fake-model","instructions":"Brief.","max_output_tokens":300,"temperature":0.2,"parallel_tool_calls":false,"user":"u",\
            "input":[\
            {"role":"developer","content":"Use tools"},\
            {"type":"message","role":"user","content":[{"type":"input_text","text":"Here?"},\
            {"type":"input_image","image_url":"https://x.io/a.png"}]},\
            {"type":"function_call","call_id":"call_a","name":"wx","arguments":"{\\"city\\":\\"Oslo\\"}"},\
            {"type":"function_call_output","call_id":"call_a","output":"-3 C"},\
            {"type":"reasoning","summary":[]},\
            {"role":"assistant","content":[{"type":"output_text","text":"Cold."}]},\
            {"role":"user","content":"Paris?"}],\
            "tools":[{"type":"function","name":"wx",\
            "parameters":{"type":"object"},"strict":true}],\
            "tool_choice":{"type":"function","name":"wx"},\
            "text":{"format":{"type":"json_schema","name":"w","schema":{"type":"object"},"strict":true}}}""";

    static final String CHAT_REQUEST = """
            {"model":"upstream-model","messages":[\
            {"role":"system","content":"Brief."},\
            {"role":"system","content":"Use tools"},\
            {"role":"user","content":[{"type":"text","text":"Here?"},\
            {"type":"image_url","image_url":{"url":"https://x.io/a.png"}}]},\
            {"role":"assistant","content":null,"tool_calls":[{"id":"call_a","type":"function",\
            "function":{"name":"wx","arguments":"{\\"city\\":\\"Oslo\\"}"}}]},\
            {"role":"tool","tool_call_id":"call_a","content":"-3 C"},\
            {"role":"assistant","content":"Cold."},\
            {"role":"user","content":"Paris?"}],\
            "max_tokens":300,"temperature":0.2,"parallel_tool_calls":false,"user":"u",\
            "tools":[{"type":"function","function":{"name":"wx",\
            "parameters":{"type":"object"},"strict":true}}],\
            "tool_choice":{"type":"function","function":{"name":"wx"}},\
            "response_format":{"type":"json_schema","json_schema":{"name":"w","schema":{"type":"object"},"strict":true}}}""";

    @Test
    void aResponseRequestGoesUpstreamAsChatCompletionsAndComesBackAsAResponse() throws Exception {
        String id = ChatCompletionsTest.newId();
        FakeUpstream.get().script(id, json(200, ChatCompletionsTest.UPSTREAM_COMPLETION));

        Response response = given().header("x-request-id", id)
                .contentType("application/json")
                .body(RESPONSES_REQUEST)
                .post("/v1/responses");

        response.then()
                .statusCode(200)
                .contentType(startsWith("application/json"))
                .header(TriageHeaders.MODEL, "fake-model");
        assertThat(JSON.readTree(FakeUpstream.get().received(id).getFirst().body()))
                .isEqualTo(JSON.readTree(CHAT_REQUEST));
        JsonNode reply = JSON.readTree(response.asString());
        assertThat(reply.path("id").asText()).isEqualTo("resp_1");
        assertThat(reply.path("object").asText()).isEqualTo("response");
        assertThat(reply.path("status").asText()).isEqualTo("completed");
        assertThat(reply.path("model").asText()).isEqualTo("upstream-model");
        assertThat(reply.path("instructions").asText()).isEqualTo("Brief.");
        assertThat(reply.path("output")).isEqualTo(JSON.readTree("""
                        [{"type":"function_call","id":"fc_call_1","call_id":"call_1","name":"get_weather",\
                        "arguments":"{\\"city\\":\\"Paris\\"}","status":"completed"}]"""));
        assertThat(reply.path("usage")).isEqualTo(JSON.readTree("""
                        {"input_tokens":11,"input_tokens_details":{"cached_tokens":3},"output_tokens":7,\
                        "output_tokens_details":{"reasoning_tokens":0},"total_tokens":18}"""));
    }

    @Test
    void aStreamBecomesTypedEventsInOrderWithTheWholeResponseAtTheEnd() throws Exception {
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
                                                        + "\"function\":{\"name\":\"get_weather\",\"arguments\":\"{\\\"city\\\":\"}}]}",
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

        Sse.Reply reply = Sse.post("/v1/responses", id, streamed());

        assertThat(reply.status()).isEqualTo(200);
        List<JsonNode> events = NamedEvents.parse(reply.rawBody());
        assertThat(events)
                .extracting(event -> event.path("type").asText())
                .containsExactly(
                        "response.created",
                        "response.in_progress",
                        "response.output_item.added",
                        "response.content_part.added",
                        "response.output_text.delta",
                        "response.output_text.delta",
                        "response.output_text.done",
                        "response.content_part.done",
                        "response.output_item.done",
                        "response.output_item.added",
                        "response.function_call_arguments.delta",
                        "response.function_call_arguments.delta",
                        "response.function_call_arguments.done",
                        "response.output_item.done",
                        "response.completed");
        for (int i = 0; i < events.size(); i++) {
            assertThat(events.get(i).path("sequence_number").asInt()).isEqualTo(i);
        }
        assertThat(events.get(6).path("text").asText()).isEqualTo("Let me check.");
        assertThat(events.get(9).path("output_index").asInt()).isEqualTo(1);
        assertThat(events.get(12).path("arguments").asText()).isEqualTo("{\"city\":\"Paris\"}");
        JsonNode completed = events.getLast().path("response");
        assertThat(completed.path("status").asText()).isEqualTo("completed");
        assertThat(completed
                        .path("output")
                        .get(0)
                        .path("content")
                        .get(0)
                        .path("text")
                        .asText())
                .isEqualTo("Let me check.");
        assertThat(completed.path("output").get(1).path("call_id").asText()).isEqualTo("call_9");
        assertThat(completed.path("usage").path("total_tokens").asInt()).isEqualTo(29);
    }

    @Test
    void aStreamCutBeforeItFinishedEndsWithAnErrorAndAFailedResponse() throws Exception {
        String id = ChatCompletionsTest.newId();
        FakeUpstream.get()
                .script(
                        id,
                        new FakeUpstream.Stream(
                                List.of(FakeUpstream.chatChunk("{\"content\":\"Hel\"}", null)), Duration.ZERO, false));

        List<JsonNode> events =
                NamedEvents.parse(Sse.post("/v1/responses", id, streamed()).rawBody());

        assertThat(events.get(events.size() - 2).path("type").asText()).isEqualTo("error");
        assertThat(events.get(events.size() - 2).path("message").asText()).contains("incomplete");
        assertThat(events.getLast().path("type").asText()).isEqualTo("response.failed");
        assertThat(events.getLast().path("response").path("status").asText()).isEqualTo("failed");
    }

    @Test
    void whatNeedsStoredStateOrOpenAisOwnToolsIsRefusedClearly() {
        given().contentType("application/json")
                .body("{\"model\":\"fake-model\",\"input\":\"hi\",\"previous_response_id\":\"resp_1\"}")
                .post("/v1/responses")
                .then()
                .statusCode(400)
                .body("error.code", equalTo("unsupported_parameter"))
                .body("error.param", equalTo("previous_response_id"))
                .body("error.message", startsWith("'previous_response_id' is not supported"));
        given().contentType("application/json")
                .body("{\"model\":\"fake-model\",\"input\":\"hi\",\"tools\":[{\"type\":\"web_search\"}]}")
                .post("/v1/responses")
                .then()
                .statusCode(400)
                .body("error.param", equalTo("tools[0].type"));
        given().contentType("application/json")
                .body("{\"model\":\"fake-model\",\"input\":[{\"type\":\"item_reference\",\"id\":\"msg_1\"}]}")
                .post("/v1/responses")
                .then()
                .statusCode(400)
                .body("error.param", equalTo("input[0].type"));
        given().contentType("application/json")
                .body("{\"model\":\"fake-model\"}")
                .post("/v1/responses")
                .then()
                .statusCode(400)
                .body("error.param", equalTo("input"));
        given().get("/v1/responses/resp_123").then().statusCode(404).body("error.code", equalTo("response_not_stored"));
    }

    @Test
    void routesWorkAsOnChatCompletionsWithTheirHeaders() {
        given().contentType("application/json")
                .body("{\"model\":\"router-mf-0\",\"input\":\"Explain monads.\"}")
                .post("/v1/responses")
                .then()
                .statusCode(200)
                .header(TriageHeaders.ROUTE, "auto")
                .header(TriageHeaders.POLICY, "learned")
                .header(TriageHeaders.MODEL, "sim-strong")
                .body("output[0].content[0].text", startsWith("[simulated sim-strong]"));
    }

    private static String streamed() {
        return "{\"model\":\"fake-model\",\"stream\":true,\"input\":\"Weather in Paris?\"}";
    }
}
