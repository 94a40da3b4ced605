package dev.triage.api;

import static dev.triage.testsupport.FakeUpstream.json;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.math.BigDecimal;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.triage.testsupport.FakeUpstream;
import dev.triage.testsupport.FakeUpstream.Received;
import dev.triage.testsupport.FakeUpstreamResource;
import dev.triage.testsupport.LedgerRows;
import dev.triage.testsupport.NamedEvents;
import dev.triage.testsupport.ProviderPayloads;
import dev.triage.testsupport.Sse;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Upstreams of type anthropic, gemini and azure-openai, faked in their own wire formats: what reaches them (path, query,
 * credentials, the translated body), what the client gets back (answers, streams, errors in OpenAI's envelope), and a
 * learned route whose strong model is Claude and weak model OpenAI-compatible, reached through all three inbound APIs.
 */
@QuarkusTest
@WithTestResource(FakeUpstreamResource.class)
class ProviderTypesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String IMAGE = "data:image/png;base64,iVBORw0KGgo=";

    @Inject
    Pool pool;

    @Test
    void claudeGetsAMessagesRequestAndItsAnswerComesBackAsAChatCompletion() throws Exception {
        String id = scripted(json(200, ProviderPayloads.ANTHROPIC_TOOL_USE));
        chat(id, """
                        {"model":"claude-model","max_tokens":100,"stop":"END","n":1,"presence_penalty":0,
                         "tool_choice":"required","parallel_tool_calls":false,
                         "tools":[{"type":"function","function":{"name":"get_weather","description":"Weather",
                           "parameters":{"type":"object","properties":{"city":{"type":"string"}}}}}],
                         "messages":[{"role":"system","content":"Be brief."},
                           {"role":"user","content":[{"type":"text","text":"Weather here?"},
                             {"type":"image_url","image_url":{"url":"%s"}}]}]}""".formatted(IMAGE))
                .statusCode(200)
                .header(TriageHeaders.MODEL, "claude-model")
                .body("object", equalTo("chat.completion"))
                .body("id", equalTo("chatcmpl-01Aq9w938a90dw8q"))
                .body("choices[0].message.content", equalTo("I'll check the weather."))
                .body("choices[0].message.tool_calls[0].id", equalTo("toolu_01A09q90qw90lq917835lq9"))
                .body("choices[0].message.tool_calls[0].function.name", equalTo("get_weather"))
                .body("choices[0].message.tool_calls[0].function.arguments", equalTo("{\"city\":\"Paris\"}"))
                .body("choices[0].finish_reason", equalTo("tool_calls"))
                .body("usage.prompt_tokens", equalTo(480))
                .body("usage.completion_tokens", equalTo(65))
                .body("usage.prompt_tokens_details.cached_tokens", equalTo(100));

        Received received = FakeUpstream.get().received(id).getFirst();
        assertThat(received.path()).isEqualTo("/v1/messages");
        assertThat(received.headers())
                .containsEntry("x-api-key", "sk-anthropic-secret")
                .containsEntry("anthropic-version", "2023-06-01")
                .doesNotContainKey("authorization");
        JsonNode body = JSON.readTree(received.body());
        assertThat(body.path("model").asText()).isEqualTo("claude-upstream");
        assertThat(body.path("system").asText()).isEqualTo("Be brief.");
        assertThat(body.path("max_tokens").asInt()).isEqualTo(100);
        assertThat(body.path("stop_sequences").toString()).isEqualTo("[\"END\"]");
        assertThat(body.path("tool_choice").toString())
                .isEqualTo("{\"type\":\"any\",\"disable_parallel_tool_use\":true}");
        assertThat(body.path("tools").path(0).path("input_schema").path("type").asText())
                .isEqualTo("object");
        JsonNode image = body.path("messages").path(0).path("content").path(1);
        assertThat(image.path("source").toString())
                .isEqualTo("{\"type\":\"base64\",\"media_type\":\"image/png\",\"data\":\"iVBORw0KGgo=\"}");
        assertThat(body.has("n")).isFalse();
    }

    @Test
    void aClaudeStreamBecomesChatChunksAndIsMeteredFromItsUsage() throws Exception {
        String id = scripted(new FakeUpstream.RawStream(ProviderPayloads.anthropicTextStream("Hel", "lo")));
        Sse.Reply reply = Sse.post(
                "/v1/chat/completions",
                id,
                "{\"model\":\"claude-model\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
        List<String> data = reply.data();
        assertThat(data).hasSize(4).last().isEqualTo("[DONE]");
        assertThat(choice(data.get(0)).path("delta").toString())
                .isEqualTo("{\"role\":\"assistant\",\"content\":\"Hel\"}");
        assertThat(choice(data.get(1)).path("delta").path("content").asText()).isEqualTo("lo");
        assertThat(choice(data.get(2)).path("finish_reason").asText()).isEqualTo("stop");
        assertThat(JSON.readTree(FakeUpstream.get().received(id).getFirst().body())
                        .path("stream")
                        .asBoolean())
                .isTrue();
        var row = LedgerRows.rowOf(pool, id);
        assertThat(row.getLong("input_tokens")).isEqualTo(25);
        assertThat(row.getLong("output_tokens")).isEqualTo(15);
        // 25 x 3.00 + 15 x 15.00 per million tokens
        assertThat(row.getBigDecimal("cost_usd")).isEqualByComparingTo(new BigDecimal("0.0003"));
    }

    @Test
    void claudeToolCallsStreamAsToolCallDeltas() throws Exception {
        String id = scripted(new FakeUpstream.RawStream(ProviderPayloads.anthropicToolStream()));
        List<String> data = Sse.post(
                        "/v1/chat/completions",
                        id,
                        "{\"model\":\"claude-model\",\"stream\":true,\"stream_options\":{\"include_usage\":true},"
                                + "\"messages\":[{\"role\":\"user\",\"content\":\"Weather in Paris?\"}]}")
                .data();
        JsonNode start = choice(data.get(0)).path("delta");
        assertThat(start.path("tool_calls").path(0).path("id").asText()).isEqualTo("toolu_01T1x1fJ34qAmk2tNTrN7Up6");
        assertThat(start.path("tool_calls")
                        .path(0)
                        .path("function")
                        .path("name")
                        .asText())
                .isEqualTo("get_weather");
        StringBuilder arguments = new StringBuilder();
        for (String chunk : data.subList(1, 3)) {
            arguments.append(choice(chunk)
                    .path("delta")
                    .path("tool_calls")
                    .path(0)
                    .path("function")
                    .path("arguments")
                    .asText());
        }
        assertThat(arguments.toString()).isEqualTo("{\"city\": \"Paris\"}");
        assertThat(choice(data.get(3)).path("finish_reason").asText()).isEqualTo("tool_calls");
        JsonNode usage = JSON.readTree(data.get(4)).path("usage");
        assertThat(usage.path("prompt_tokens").asInt()).isEqualTo(472);
        assertThat(usage.path("completion_tokens").asInt()).isEqualTo(89);
        assertThat(data.get(5)).isEqualTo("[DONE]");
    }

    @Test
    void claudeErrorsReachTheClientInOpenAisEnvelopeWithTheirMeaning() {
        String limited = scripted(new FakeUpstream.Respond(
                429,
                "application/json",
                ProviderPayloads.ANTHROPIC_RATE_LIMITED,
                java.util.Map.of("retry-after", "3")));
        simpleChat(limited, "claude-limited-model")
                .statusCode(429)
                .header("Retry-After", "3")
                .body("error.message", containsString("per-minute rate limit"))
                .body("error.type", equalTo("rate_limit_error"));
        simpleChat(scripted(json(400, ProviderPayloads.ANTHROPIC_BAD_REQUEST)), "claude-model")
                .statusCode(400)
                .body("error.message", equalTo("messages.0.content: Input should be a valid list"))
                .body("error.type", equalTo("invalid_request_error"));
        simpleChat(scripted(json(529, ProviderPayloads.ANTHROPIC_OVERLOADED)), "claude-model")
                .statusCode(502)
                .body("error.code", equalTo("upstream_529"))
                .body("error.message", containsString("Overloaded"));
    }

    @Test
    void fieldsClaudeCannotTakeAreRefusedBeforeAnyCall() {
        String id = ChatCompletionsTest.newId();
        chat(
                        id,
                        "{\"model\":\"claude-model\",\"logprobs\":true,\"temperature\":1.5,"
                                + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                .statusCode(400)
                .body("error.code", equalTo("unsupported_parameter"))
                .body("error.param", equalTo("logprobs"))
                .body("error.message", containsString("logprobs"))
                .body("error.message", containsString("temperature (Anthropic takes 0 to 1)"))
                .body("error.message", containsString("unsupported-params=drop"));
        assertThat(FakeUpstream.get().received(id)).isEmpty();
    }

    @Test
    void anAnthropicModelServesNoEmbeddings() {
        given().contentType("application/json")
                .body("{\"model\":\"claude-model\",\"input\":\"hello\"}")
                .post("/v1/embeddings")
                .then()
                .statusCode(400)
                .body("error.message", containsString("has no /v1/embeddings"));
    }

    @Test
    void geminiGetsGenerateContentAndItsSignedFunctionCallGoesBackWithTheSignature() throws Exception {
        String id = scripted(json(200, ProviderPayloads.GEMINI_FUNCTION_CALL));
        String toolCallId = chat(id, """
                        {"model":"gemini-model","logprobs":true,"seed":7,"max_completion_tokens":50,
                         "response_format":{"type":"json_schema","json_schema":{"name":"w","schema":{"type":"object"}}},
                         "tools":[{"type":"function","function":{"name":"get_weather",
                           "parameters":{"type":"object","additionalProperties":false}}}],
                         "messages":[{"role":"developer","content":"Be brief."},
                           {"role":"user","content":"Weather in Paris?"}]}""")
                .statusCode(200)
                .body("choices[0].message.content", nullValue())
                .body("choices[0].message.tool_calls[0].function.name", equalTo("get_weather"))
                .body("choices[0].message.tool_calls[0].function.arguments", equalTo("{\"city\":\"Paris\"}"))
                .body("choices[0].finish_reason", equalTo("tool_calls"))
                .body("usage.prompt_tokens", equalTo(50))
                .extract()
                .path("choices[0].message.tool_calls[0].id");

        Received first = FakeUpstream.get().received(id).getFirst();
        assertThat(first.uri()).isEqualTo("/v1/models/gemini-upstream:generateContent");
        assertThat(first.headers())
                .containsEntry("x-goog-api-key", "sk-gemini-secret")
                .doesNotContainKey("authorization");
        JsonNode body = JSON.readTree(first.body());
        assertThat(body.has("logprobs"))
                .as("dropped: this provider is set to drop")
                .isFalse();
        assertThat(body.path("systemInstruction")
                        .path("parts")
                        .path(0)
                        .path("text")
                        .asText())
                .isEqualTo("Be brief.");
        assertThat(body.path("contents").path(0).path("role").asText()).isEqualTo("user");
        assertThat(body.path("generationConfig").toString())
                .isEqualTo("{\"seed\":7,\"maxOutputTokens\":50,\"responseMimeType\":\"application/json\","
                        + "\"responseJsonSchema\":{\"type\":\"object\"}}");
        assertThat(body.path("tools")
                        .path(0)
                        .path("functionDeclarations")
                        .path(0)
                        .path("parametersJsonSchema"))
                .hasToString("{\"type\":\"object\",\"additionalProperties\":false}");

        String next = scripted(json(200, ProviderPayloads.GEMINI_RESPONSE));
        chat(next, """
                        {"model":"gemini-model","messages":[{"role":"user","content":"Weather in Paris?"},
                          {"role":"assistant","content":null,"tool_calls":[{"id":"%s","type":"function",
                            "function":{"name":"get_weather","arguments":"{\\"city\\":\\"Paris\\"}"}}]},
                          {"role":"tool","tool_call_id":"%s","content":"18 degrees"}]}""".formatted(toolCallId, toolCallId))
                .statusCode(200)
                .body("choices[0].message.content", equalTo("Hello! How can I help?"))
                .body("usage.completion_tokens", equalTo(27))
                .body("usage.completion_tokens_details.reasoning_tokens", equalTo(20));
        JsonNode contents = JSON.readTree(
                        FakeUpstream.get().received(next).getFirst().body())
                .path("contents");
        JsonNode call = contents.path(1).path("parts").path(0);
        assertThat(call.path("functionCall").toString())
                .isEqualTo("{\"name\":\"get_weather\",\"args\":{\"city\":\"Paris\"}}");
        assertThat(call.path("thoughtSignature").asText()).isEqualTo("CiQBVKhc7taR1dyUdF+Q0ZcU/w==");
        assertThat(contents.path(2).path("parts").path(0).toString())
                .isEqualTo(
                        "{\"functionResponse\":{\"name\":\"get_weather\",\"response\":{\"result\":\"18 degrees\"}}}");
    }

    @Test
    void aGeminiStreamComesFromStreamGenerateContentAsChatChunks() throws Exception {
        String id = scripted(new FakeUpstream.RawStream(ProviderPayloads.geminiTextStream("Hel", "lo")));
        List<String> data = Sse.post(
                        "/v1/chat/completions",
                        id,
                        "{\"model\":\"gemini-model\",\"stream\":true,\"stream_options\":{\"include_usage\":true},"
                                + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                .data();
        assertThat(FakeUpstream.get().received(id).getFirst().uri())
                .isEqualTo("/v1/models/gemini-upstream:streamGenerateContent?alt=sse");
        assertThat(choice(data.get(0)).path("delta").toString())
                .isEqualTo("{\"role\":\"assistant\",\"content\":\"Hel\"}");
        assertThat(choice(data.get(2)).path("finish_reason").asText()).isEqualTo("stop");
        assertThat(JSON.readTree(data.get(3))
                        .path("usage")
                        .path("completion_tokens")
                        .asInt())
                .isEqualTo(12);
        assertThat(data.get(4)).isEqualTo("[DONE]");
    }

    @Test
    void aGeminiSafetyBlockIsAContentFilterFinishAndItsQuotaErrorWaitsAsAsked() {
        simpleChat(scripted(json(200, ProviderPayloads.GEMINI_SAFETY_BLOCK)), "gemini-model")
                .statusCode(200)
                .body("choices[0].finish_reason", equalTo("content_filter"))
                .body("choices[0].message.content", equalTo(""));
        simpleChat(scripted(json(429, ProviderPayloads.GEMINI_RATE_LIMITED)), "gemini-limited-model")
                .statusCode(429)
                .header("Retry-After", "7")
                .body("error.message", containsString("You exceeded your current quota"))
                .body("error.type", equalTo("resource_exhausted"));
    }

    @Test
    void azureIsCalledAtItsDeploymentUrlWithItsApiKeyHeader() {
        String id = scripted(json(200, ProviderPayloads.OPENAI_COMPLETION));
        simpleChat(id, "azure-model")
                .statusCode(200)
                .body("choices[0].message.content", equalTo("Hello! How can I help?"));
        Received received = FakeUpstream.get().received(id).getFirst();
        assertThat(received.uri()).isEqualTo("/v1/deployments/azure-upstream/chat/completions?api-version=2024-10-21");
        assertThat(received.headers())
                .containsEntry("api-key", "sk-azure-openai-secret")
                .doesNotContainKey("authorization");
        assertThat(received.body()).contains("\"model\":\"azure-upstream\"");
    }

    @Test
    void aLearnedRouteBetweenClaudeAndAnOpenAiModelWorksOnEveryInboundApi() throws Exception {
        String viaChat = scripted(json(200, ProviderPayloads.ANTHROPIC_MESSAGE));
        simpleChat(viaChat, "mixed-strong")
                .statusCode(200)
                .header(TriageHeaders.ROUTE, "mixed-strong")
                .header(TriageHeaders.TIER, "strong")
                .header(TriageHeaders.MODEL, "claude-model")
                .body("choices[0].message.content", equalTo("Hello! How can I help?"));
        // 1200 x 3.00 + 300 x 15.00 per million tokens
        assertThat(LedgerRows.rowOf(pool, viaChat).getBigDecimal("cost_usd"))
                .isEqualByComparingTo(new BigDecimal("0.0081"));

        String viaMessages = scripted(json(200, ProviderPayloads.ANTHROPIC_MESSAGE));
        given().contentType("application/json")
                .header("x-request-id", viaMessages)
                .body(
                        "{\"model\":\"mixed-strong\",\"max_tokens\":64,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                .post("/v1/messages")
                .then()
                .statusCode(200)
                .header(TriageHeaders.MODEL, "claude-model")
                .body("type", equalTo("message"))
                .body("content[0].text", equalTo("Hello! How can I help?"))
                .body("usage.input_tokens", equalTo(1200));
        assertThat(LedgerRows.rowOf(pool, viaMessages).getString("model")).isEqualTo("claude-model");

        String viaResponses = scripted(new FakeUpstream.RawStream(ProviderPayloads.anthropicTextStream("Hi")));
        Sse.Reply streamed = Sse.post(
                "/v1/responses", viaResponses, "{\"model\":\"mixed-strong\",\"input\":\"hi\",\"stream\":true}");
        assertThat(streamed.header(TriageHeaders.MODEL)).isEqualTo("claude-model");
        List<JsonNode> events = NamedEvents.parse(streamed.rawBody());
        assertThat(events.getLast().path("type").asText()).isEqualTo("response.completed");
        assertThat(events.getLast()
                        .path("response")
                        .path("usage")
                        .path("output_tokens")
                        .asInt())
                .isEqualTo(15);

        String weak = scripted(json(200, ProviderPayloads.OPENAI_COMPLETION));
        simpleChat(weak, "mixed-weak").statusCode(200).header(TriageHeaders.MODEL, "fake-model");
        assertThat(FakeUpstream.get().received(weak).getFirst().path()).isEqualTo("/v1/chat/completions");
    }

    @Test
    void aMessagesRequestGoesToClaudeAsTheClientWroteItAndItsAnswerComesBackAsClaudeWroteIt() throws Exception {
        String answer = ProviderPayloads.ANTHROPIC_MESSAGE.replace(
                "\"content\":[", "\"content\":[{\"type\":\"thinking\",\"thinking\":\"Hm.\",\"signature\":\"EqQB\"},");
        String id = scripted(json(200, answer));
        String request = """
                {"model":"claude-model","max_tokens":2048,"thinking":{"type":"enabled","budget_tokens":1024},
                 "system":[{"type":"text","text":"Be brief.","cache_control":{"type":"ephemeral"}}],
                 "messages":[{"role":"user","content":"hi"}]}""";
        String body = given().contentType("application/json")
                .header("x-request-id", id)
                .body(request)
                .post("/v1/messages")
                .then()
                .statusCode(200)
                .header(TriageHeaders.MODEL, "claude-model")
                .extract()
                .asString();
        assertThat(JSON.readTree(body)).isEqualTo(JSON.readTree(answer));
        JsonNode sent = JSON.readTree(FakeUpstream.get().received(id).getFirst().body());
        assertThat(sent.path("model").asText()).isEqualTo("claude-upstream");
        assertThat(sent.path("thinking").path("budget_tokens").asInt()).isEqualTo(1024);
        assertThat(sent.path("system")
                        .path(0)
                        .path("cache_control")
                        .path("type")
                        .asText())
                .isEqualTo("ephemeral");

        String streamed = scripted(new FakeUpstream.RawStream(ProviderPayloads.anthropicTextStream("Hel", "lo")));
        Sse.Reply reply = Sse.post(
                "/v1/messages",
                streamed,
                "{\"model\":\"claude-model\",\"max_tokens\":64,\"stream\":true,"
                        + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
        List<JsonNode> events = NamedEvents.parse(reply.rawBody());
        assertThat(events)
                .extracting(event -> event.path("type").asText())
                .containsExactly(
                        "message_start",
                        "content_block_start",
                        "ping",
                        "content_block_delta",
                        "content_block_delta",
                        "content_block_stop",
                        "message_delta",
                        "message_stop");
        assertThat(events.getFirst().path("message").path("id").asText())
                .isEqualTo("msg_1nZdL29xx5MUA1yADyHTEsnR8uuvGzszyY");
        var row = LedgerRows.rowOf(pool, streamed);
        assertThat(row.getLong("input_tokens")).isEqualTo(25);
        assertThat(row.getLong("output_tokens")).isEqualTo(15);
    }

    @Test
    void aResponsesRequestGoesAsWrittenToAnUpstreamThatSpeaksTheResponsesApi() throws Exception {
        String id = scripted(json(200, ProviderPayloads.OPENAI_RESPONSE));
        String body = given().contentType("application/json")
                .header("x-request-id", id)
                .body("{\"model\":\"responses-model\",\"input\":\"hi\",\"reasoning\":{\"effort\":\"low\"}}")
                .post("/v1/responses")
                .then()
                .statusCode(200)
                .header(TriageHeaders.MODEL, "responses-model")
                .extract()
                .asString();
        assertThat(JSON.readTree(body)).isEqualTo(JSON.readTree(ProviderPayloads.OPENAI_RESPONSE));
        Received received = FakeUpstream.get().received(id).getFirst();
        assertThat(received.path()).isEqualTo("/v1/responses");
        assertThat(JSON.readTree(received.body()))
                .isEqualTo(JSON.readTree(
                        "{\"model\":\"responses-upstream\",\"input\":\"hi\",\"reasoning\":{\"effort\":\"low\"}}"));
        var row = LedgerRows.rowOf(pool, id);
        assertThat(row.getLong("input_tokens")).isEqualTo(36);
        assertThat(row.getLong("output_tokens")).isEqualTo(87);

        String streamed = scripted(new FakeUpstream.RawStream(ProviderPayloads.responsesStream(true)));
        Sse.Reply reply =
                Sse.post("/v1/responses", streamed, "{\"model\":\"responses-model\",\"input\":\"hi\",\"stream\":true}");
        assertThat(NamedEvents.parse(reply.rawBody()))
                .extracting(event -> event.path("type").asText())
                .containsExactly("response.created", "response.output_text.delta", "response.completed");
        assertThat(LedgerRows.rowOf(pool, streamed).getLong("output_tokens")).isEqualTo(3);

        String cut = scripted(new FakeUpstream.RawStream(ProviderPayloads.responsesStream(false)));
        JsonNode last = NamedEvents.parse(Sse.post(
                                "/v1/responses",
                                cut,
                                "{\"model\":\"responses-model\",\"input\":\"hi\",\"stream\":true}")
                        .rawBody())
                .getLast();
        assertThat(last.path("type").asText()).isEqualTo("error");
        assertThat(last.path("sequence_number").asInt()).isEqualTo(2);

        String chat = scripted(json(200, ProviderPayloads.OPENAI_COMPLETION));
        simpleChat(chat, "responses-model").statusCode(200);
        assertThat(FakeUpstream.get().received(chat).getFirst().path()).isEqualTo("/v1/chat/completions");
    }

    @Test
    void anOverloadedClaudeFallsBackToTheWeakModelEvenWhenItSaysSoInItsStream() throws Exception {
        String id = ChatCompletionsTest.newId();
        FakeUpstream.get()
                .script(
                        id,
                        "claude-upstream",
                        new FakeUpstream.RawStream(List.of(
                                ProviderPayloads.anthropicTextStream().getFirst(),
                                "event: error\ndata: " + ProviderPayloads.ANTHROPIC_OVERLOADED + "\n\n")));
        FakeUpstream.get()
                .script(
                        id,
                        "upstream-model",
                        FakeUpstream.sse(FakeUpstream.chatChunk("{\"content\":\"weak answer\"}", "stop"), "[DONE]"));
        Sse.Reply reply = Sse.post(
                "/v1/chat/completions",
                id,
                "{\"model\":\"mixed-strong\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
        assertThat(reply.header(TriageHeaders.MODEL)).isEqualTo("fake-model");
        assertThat(reply.header(TriageHeaders.FALLBACK)).isNotNull();
        assertThat(reply.header("x-triage-attempts"))
                .startsWith("claude-model;tries=1;error=upstream_overloaded_error");
        assertThat(reply.data()).contains("[DONE]");
    }

    /** The first choice of a streamed chunk. */
    private static JsonNode choice(String chunk) throws Exception {
        return JSON.readTree(chunk).path("choices").path(0);
    }

    private static String scripted(FakeUpstream.Script script) {
        String id = ChatCompletionsTest.newId();
        FakeUpstream.get().script(id, script);
        return id;
    }

    private static ValidatableResponse simpleChat(String id, String model) {
        return chat(id, "{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
    }

    private static ValidatableResponse chat(String id, String body) {
        Response response = given().contentType("application/json")
                .header("x-request-id", id)
                .body(body)
                .post("/v1/chat/completions");
        return response.then();
    }
}
