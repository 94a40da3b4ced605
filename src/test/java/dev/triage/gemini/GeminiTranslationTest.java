package dev.triage.gemini;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.triage.openai.OpenAiException;
import dev.triage.openai.OpenAiJson;

/** Chat Completions to Gemini's generateContent and back, where the end-to-end tests do not look. */
class GeminiTranslationTest {

    @Test
    void aToolCallIdCarriesTheThoughtSignatureThereAndBack() {
        String signed = ToolCallIds.of("CiQBVKhc7taR1dyUdF+Q0ZcU/w==");
        assertThat(signed).matches("call_[0-9a-f]{16}_ts_[A-Za-z0-9_-]+");
        assertThat(ToolCallIds.thoughtSignature(signed)).contains("CiQBVKhc7taR1dyUdF+Q0ZcU/w==");
        assertThat(ToolCallIds.thoughtSignature(ToolCallIds.of(null))).isEmpty();
        assertThat(ToolCallIds.thoughtSignature("toolu_01A09q90qw90lq917835lq9"))
                .isEmpty();
    }

    @Test
    void aBlockedPromptIsAContentFilterFinish() {
        JsonNode chat = OpenAiJson.tryParseObject(GeminiAsChat.of(
                bytes("{\"promptFeedback\":{\"blockReason\":\"SAFETY\"},\"usageMetadata\":{\"promptTokenCount\":4}}")));
        assertThat(chat.at("/choices/0/finish_reason").asText()).isEqualTo("content_filter");
        assertThat(chat.at("/usage/prompt_tokens").asInt()).isEqualTo(4);
    }

    @Test
    void anImageByUrlIsRefusedBecauseGeminiTakesThemInline() {
        assertThatThrownBy(() -> ChatAsGemini.of(OpenAiJson.tryParseObject(
                        bytes("{\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"image_url\","
                                + "\"image_url\":{\"url\":\"https://example.com/cat.png\"}}]}]}"))))
                .isInstanceOf(OpenAiException.class)
                .hasMessageContaining("data: URL");
    }

    @Test
    void aStreamThatNeverFinishesGetsNoDoneAndAnEarlyErrorFailsTheTry() {
        GeminiChunks cut = new GeminiChunks();
        assertThat(cut.onEvent("{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"Hi\"}]}}]}"))
                .hasSize(1);
        assertThat(cut.onEnd()).isEmpty();
        assertThatThrownBy(() -> new GeminiChunks()
                        .onEvent("{\"error\":{\"code\":503,\"message\":\"The model is overloaded.\","
                                + "\"status\":\"UNAVAILABLE\"}}"))
                .isInstanceOfSatisfying(
                        OpenAiException.class, e -> assertThat(e.status()).isEqualTo(503));
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
