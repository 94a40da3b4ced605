package dev.triage.api;

import static dev.triage.testsupport.FakeUpstream.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.triage.testsupport.FakeUpstream;
import dev.triage.testsupport.FakeUpstreamResource;
import dev.triage.testsupport.NodeTests;
import dev.triage.testsupport.ProviderPayloads;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * Runs {@code src/test/node/providers.test.mjs}: the official OpenAI SDK's Responses API and the Anthropic SDK's
 * Messages API against one model of each translated provider type (anthropic, gemini, azure-openai), their fake
 * upstreams answering in their own wire formats. Skipped only with {@code -DskipNodeSdk=true}.
 */
@QuarkusTest
@WithTestResource(FakeUpstreamResource.class)
class ProviderSdkTest {

    private static final String JSON_CITY = "{\\\"city\\\":\\\"Paris\\\"}";
    private static final String HELLO = "Hello! How can I help?";

    @Test
    void theOfficialSdksWorkAgainstEveryProviderType() throws Exception {
        Assumptions.assumeFalse(Boolean.getBoolean("skipNodeSdk"), "skipNodeSdk is set");
        Map<String, Map<String, String>> cases = new LinkedHashMap<>();
        cases.put(
                "claude-model",
                ids(
                        json(200, ProviderPayloads.ANTHROPIC_MESSAGE),
                        new FakeUpstream.RawStream(ProviderPayloads.anthropicTextStream("Hel", "lo")),
                        json(200, ProviderPayloads.ANTHROPIC_TOOL_USE),
                        json(200, ProviderPayloads.ANTHROPIC_MESSAGE.replace(HELLO, JSON_CITY)),
                        json(400, ProviderPayloads.ANTHROPIC_BAD_REQUEST)));
        cases.put(
                "gemini-model",
                ids(
                        json(200, ProviderPayloads.GEMINI_RESPONSE),
                        new FakeUpstream.RawStream(ProviderPayloads.geminiTextStream("Hel", "lo")),
                        json(200, ProviderPayloads.GEMINI_FUNCTION_CALL),
                        json(200, ProviderPayloads.GEMINI_RESPONSE.replace(HELLO, JSON_CITY)),
                        json(400, ProviderPayloads.GEMINI_BAD_REQUEST)));
        cases.put(
                "azure-model",
                ids(
                        json(200, ProviderPayloads.OPENAI_COMPLETION),
                        FakeUpstream.sse(
                                FakeUpstream.chatChunk("{\"role\":\"assistant\",\"content\":\"Hel\"}", null),
                                FakeUpstream.chatChunk("{\"content\":\"lo\"}", "stop"),
                                ProviderPayloads.OPENAI_USAGE_CHUNK,
                                "[DONE]"),
                        json(200, ProviderPayloads.OPENAI_TOOL_CALL),
                        json(200, ProviderPayloads.OPENAI_COMPLETION.replace(HELLO, JSON_CITY)),
                        json(400, ProviderPayloads.OPENAI_BAD_REQUEST)));

        String output = NodeTests.run(
                "providers.test.mjs",
                Map.of(
                        "TRIAGE_BASE_URL",
                        RestAssured.baseURI + ":" + RestAssured.port,
                        "PROVIDER_CASES",
                        new ObjectMapper().writeValueAsString(cases)));
        assertThat(output).contains("# pass 24");
    }

    /** One scripted request id per kind of answer: plain, stream, tool, json, error. */
    private static Map<String, String> ids(FakeUpstream.Script... scripts) {
        List<String> kinds = List.of("plain", "stream", "tool", "json", "error");
        Map<String, String> ids = new LinkedHashMap<>();
        for (int i = 0; i < scripts.length; i++) {
            String id = ChatCompletionsTest.newId();
            FakeUpstream.get().script(id, scripts[i]);
            ids.put(kinds.get(i), id);
        }
        return ids;
    }
}
