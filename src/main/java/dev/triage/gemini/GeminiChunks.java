package dev.triage.gemini;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.triage.openai.ChatChunks;
import dev.triage.openai.ChunkTranslation;
import dev.triage.openai.OpenAiException;
import dev.triage.openai.OpenAiJson;

/**
 * A Gemini stream ({@code streamGenerateContent?alt=sse}: a {@code GenerateContentResponse} per event) as Chat
 * Completions chunks: text parts as content deltas, each function call as a whole tool call, the finish reason when a
 * response carries one, and once the upstream closes a stream that finished, the usage chunk (Gemini's last counts)
 * and {@code [DONE]}. An error before any content fails the try; after it, it becomes an error chunk.
 */
public final class GeminiChunks implements ChunkTranslation {

    private final ChatChunks chunks = new ChatChunks();
    private boolean identified;
    private boolean finished;
    private int toolCalls;
    private JsonNode usage = OpenAiJson.newObject();

    @Override
    public List<String> onEvent(String data) {
        ObjectNode response = OpenAiJson.tryParseObject(data.getBytes(StandardCharsets.UTF_8));
        if (response == null) {
            return List.of();
        }
        if (response.path("error").isObject()) {
            return failed(response.get("error"));
        }
        if (!identified) {
            identified = true;
            chunks.identify(
                    GeminiAsChat.chatId(response), response.path("modelVersion").asText(""));
        }
        if (response.path("usageMetadata").isObject()) {
            usage = response.get("usageMetadata");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode part : response.path("candidates").path(0).path("content").path("parts")) {
            if (part.path("text").isTextual() && !part.path("thought").asBoolean(false)) {
                out.add(chunks.delta(
                        OpenAiJson.newObject().put("content", part.get("text").asText()), null));
            } else if (part.has("functionCall")) {
                ObjectNode delta = OpenAiJson.newObject();
                delta.putArray("tool_calls").add(GeminiAsChat.toolCall(part, toolCalls++));
                out.add(chunks.delta(delta, null));
            }
        }
        String finish = GeminiAsChat.finishReason(response, toolCalls > 0);
        if (finish != null) {
            finished = true;
            out.add(chunks.delta(OpenAiJson.newObject(), finish));
        }
        return out;
    }

    @Override
    public List<String> onEnd() {
        if (!finished) {
            return List.of();
        }
        ObjectNode counts = GeminiAsChat.usage(usage);
        return List.of(
                chunks.usage(
                        counts.get("prompt_tokens").asLong(),
                        counts.get("completion_tokens").asLong()),
                ChatChunks.DONE);
    }

    private List<String> failed(JsonNode error) {
        String message = error.path("message").asText("unknown error");
        if (!chunks.started()) {
            int code = error.path("code").asInt(502);
            throw new OpenAiException(
                    code == 429 || code == 503 ? code : 502,
                    "upstream_error",
                    "upstream_" + error.path("status").asText("error").toLowerCase(),
                    null,
                    "The upstream failed before it answered: " + message);
        }
        return List.of(ChatChunks.error(message, "upstream_error"));
    }
}
