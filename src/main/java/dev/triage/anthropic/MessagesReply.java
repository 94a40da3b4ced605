package dev.triage.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.triage.openai.CompletionId;
import dev.triage.openai.OpenAiJson;

/**
 * A {@code chat.completion} as Anthropic's {@code message}: the first choice's text as a text block and each tool call
 * as a {@code tool_use} block (its arguments parsed into {@code input}), the finish reason as {@code stop_reason}, and
 * the usage as input and output tokens.
 */
public final class MessagesReply {

    private MessagesReply() {}

    public static byte[] of(byte[] chatCompletion) {
        ObjectNode chat = OpenAiJson.upstreamObject(chatCompletion);
        JsonNode choice = chat.path("choices").path(0);
        JsonNode message = choice.path("message");
        ObjectNode reply = OpenAiJson.newObject();
        reply.put("id", messageId(chat.path("id").asText("")));
        reply.put("type", "message");
        reply.put("role", "assistant");
        reply.put("model", chat.path("model").asText(""));
        ArrayNode content = reply.putArray("content");
        String text = message.path("content").asText("");
        if (!text.isEmpty() || !message.path("tool_calls").isArray()) {
            content.addObject().put("type", "text").put("text", text);
        }
        message.path("tool_calls").forEach(call -> ToolInput.addToolUse(content, call));
        reply.put("stop_reason", StopReason.of(choice.path("finish_reason").asText(null)));
        reply.putNull("stop_sequence");
        reply.set("usage", usage(chat.path("usage")));
        return OpenAiJson.write(reply);
    }

    static ObjectNode usage(JsonNode chatUsage) {
        return OpenAiJson.newObject()
                .put("input_tokens", chatUsage.path("prompt_tokens").asLong(0))
                .put("output_tokens", chatUsage.path("completion_tokens").asLong(0));
    }

    /** Anthropic's {@code msg_} id for the upstream's completion id. */
    static String messageId(String chatId) {
        return "msg_" + CompletionId.suffix(chatId);
    }
}
