package dev.triage.openai;

import java.time.Instant;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The {@code chat.completion} a translated upstream answer becomes: one choice, its text (or {@code null} when it only
 * called tools), its tool calls, finish reason and usage.
 */
public final class ChatCompletion {

    private ChatCompletion() {}

    public static byte[] of(
            String id, String model, String text, ArrayNode toolCalls, String finishReason, ObjectNode usage) {
        ObjectNode chat = OpenAiJson.newObject()
                .put("id", id)
                .put("object", "chat.completion")
                .put("created", Instant.now().getEpochSecond())
                .put("model", model);
        ObjectNode choice = chat.putArray("choices").addObject().put("index", 0);
        ObjectNode message = choice.putObject("message").put("role", "assistant");
        if (text.isEmpty() && !toolCalls.isEmpty()) {
            message.putNull("content");
        } else {
            message.put("content", text);
        }
        if (!toolCalls.isEmpty()) {
            message.set("tool_calls", toolCalls);
        }
        choice.put("finish_reason", finishReason);
        chat.set("usage", usage);
        return OpenAiJson.write(chat);
    }
}
