package dev.triage.anthropic;

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
 * An Anthropic stream (an upstream's events) as Chat Completions chunks: text deltas as content, each {@code tool_use}
 * block as a tool call (its {@code input_json_delta}s as argument fragments), the stop reason as the finish reason,
 * and at {@code message_stop} the usage chunk and {@code [DONE]}. The role goes out with the first content, so that an
 * {@code error} event before any (Anthropic's overloaded error) fails the try, which another try or model may still
 * answer; after that it becomes an error chunk.
 */
public final class MessageEventsAsChunks implements ChunkTranslation {

    private final ChatChunks chunks = new ChatChunks();
    private int toolCall = -1;
    private long promptTokens;
    private long completionTokens;

    @Override
    public List<String> onEvent(String data) {
        ObjectNode event = OpenAiJson.tryParseObject(data.getBytes(StandardCharsets.UTF_8));
        if (event == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        switch (event.path("type").asText()) {
            case "message_start" -> {
                JsonNode message = event.path("message");
                chunks.identify(
                        MessageAsChat.chatId(message.path("id").asText("")),
                        message.path("model").asText(""));
                counts(message.path("usage"));
            }
            case "content_block_start" -> {
                JsonNode block = event.path("content_block");
                if ("tool_use".equals(block.path("type").asText())) {
                    toolCall++;
                    ObjectNode call = OpenAiJson.newObject()
                            .put("index", toolCall)
                            .put("id", block.path("id").asText())
                            .put("type", "function");
                    call.putObject("function")
                            .put("name", block.path("name").asText())
                            .put("arguments", "");
                    out.add(chunks.delta(toolCalls(call), null));
                } else if ("text".equals(block.path("type").asText())
                        && !block.path("text").asText("").isEmpty()) {
                    out.add(chunks.delta(
                            OpenAiJson.newObject()
                                    .put("content", block.get("text").asText()),
                            null));
                }
            }
            case "content_block_delta" -> {
                JsonNode delta = event.path("delta");
                switch (delta.path("type").asText()) {
                    case "text_delta" ->
                        out.add(chunks.delta(
                                OpenAiJson.newObject()
                                        .put("content", delta.path("text").asText()),
                                null));
                    case "input_json_delta" -> {
                        ObjectNode call = OpenAiJson.newObject().put("index", toolCall);
                        call.putObject("function")
                                .put("arguments", delta.path("partial_json").asText());
                        out.add(chunks.delta(toolCalls(call), null));
                    }
                    default -> {
                        // thinking and signature deltas: no Chat Completions field carries them
                    }
                }
            }
            case "message_delta" -> {
                counts(event.path("usage"));
                out.add(chunks.delta(
                        OpenAiJson.newObject(),
                        MessageAsChat.finishReason(
                                event.path("delta").path("stop_reason").asText(""))));
            }
            case "message_stop" -> {
                out.add(chunks.usage(promptTokens, completionTokens));
                out.add(ChatChunks.DONE);
            }
            case "error" -> {
                JsonNode error = event.path("error");
                String message = error.path("message").asText("unknown error");
                if (!chunks.started()) {
                    throw new OpenAiException(
                            "overloaded_error".equals(error.path("type").asText()) ? 503 : 502,
                            "upstream_error",
                            "upstream_" + error.path("type").asText("error"),
                            null,
                            "The upstream failed before it answered: " + message);
                }
                out.add(ChatChunks.error(message, error.path("type").asText("api_error")));
            }
            default -> {
                // ping, content_block_stop
            }
        }
        return out;
    }

    @Override
    public List<String> onEnd() {
        return List.of();
    }

    private void counts(JsonNode usage) {
        if (usage.isObject()) {
            ObjectNode chatUsage = MessageAsChat.usage(usage);
            if (usage.has("input_tokens")) {
                promptTokens = chatUsage.get("prompt_tokens").asLong();
            }
            if (usage.has("output_tokens")) {
                completionTokens = chatUsage.get("completion_tokens").asLong();
            }
        }
    }

    private static ObjectNode toolCalls(ObjectNode call) {
        ObjectNode delta = OpenAiJson.newObject();
        delta.putArray("tool_calls").add(call);
        return delta;
    }
}
