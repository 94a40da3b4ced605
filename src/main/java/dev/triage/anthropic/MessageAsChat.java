package dev.triage.anthropic;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.triage.openai.ChatCompletion;
import dev.triage.openai.ChatUsage;
import dev.triage.openai.OpenAiError;
import dev.triage.openai.OpenAiJson;
import dev.triage.openai.Usage;

/**
 * An Anthropic {@code message} (an upstream's answer) as a {@code chat.completion}: its text blocks as the content,
 * its {@code tool_use} blocks as tool calls, its stop reason as the finish reason and its usage (cache reads and writes
 * included in the prompt) in Chat Completions' names; and Anthropic's error envelope as OpenAI's.
 */
public final class MessageAsChat {

    private MessageAsChat() {}

    public static byte[] of(byte[] upstreamMessage) {
        ObjectNode message = OpenAiJson.upstreamObject(upstreamMessage);
        StringBuilder text = new StringBuilder();
        ArrayNode calls = OpenAiJson.newObject().putArray("tool_calls");
        for (JsonNode block : message.path("content")) {
            switch (block.path("type").asText()) {
                case "text" -> text.append(block.path("text").asText());
                case "tool_use" -> {
                    ObjectNode call = calls.addObject()
                            .put("id", block.path("id").asText())
                            .put("type", "function");
                    call.putObject("function")
                            .put("name", block.path("name").asText())
                            .put("arguments", block.path("input").toString());
                }
                default -> {
                    // thinking blocks: Chat Completions has no field for Anthropic's signed reasoning
                }
            }
        }
        return ChatCompletion.of(
                chatId(message.path("id").asText("")),
                message.path("model").asText(""),
                text.toString(),
                calls,
                finishReason(message.path("stop_reason").asText("")),
                usage(message.path("usage")));
    }

    /** Anthropic's error envelope as OpenAI's, keeping its message and error type. */
    public static byte[] error(byte[] body) {
        return OpenAiError.translated(body, "type", "api_error");
    }

    static String chatId(String messageId) {
        return "chatcmpl-" + messageId.replaceFirst("^msg_", "");
    }

    static String finishReason(String stopReason) {
        return switch (stopReason) {
            case "max_tokens", "model_context_window_exceeded" -> "length";
            case "tool_use" -> "tool_calls";
            case "refusal" -> "content_filter";
            default -> "stop";
        };
    }

    /** The tokens of an Anthropic answer's {@code usage}: every prompt token, cached or not, and the output. */
    public static Usage usageOf(JsonNode usage) {
        return Usage.of(OpenAiJson.newObject().set("usage", usage(usage)));
    }

    /**
     * The tokens one event of an Anthropic stream reports: the prompt's at {@code message_start}, the output so far at
     * {@code message_delta}; a count the event does not give is {@code null}, so that the two add up.
     */
    public static Usage usageOfEvent(String data) {
        if (!data.contains("\"usage\"")) {
            return Usage.UNKNOWN;
        }
        ObjectNode event = OpenAiJson.tryParseObject(data.getBytes(StandardCharsets.UTF_8));
        JsonNode usage = event == null
                ? null
                : switch (event.path("type").asText()) {
                    case "message_start" -> event.path("message").path("usage");
                    case "message_delta" -> event.path("usage");
                    default -> null;
                };
        if (usage == null || !usage.isObject()) {
            return Usage.UNKNOWN;
        }
        ObjectNode counts = usage(usage);
        return new Usage(
                usage.has("input_tokens") ? counts.get("prompt_tokens").asLong() : null,
                usage.has("output_tokens") ? counts.get("completion_tokens").asLong() : null);
    }

    /** Anthropic's counts: every prompt token, whether read from the cache, written to it or neither. */
    static ObjectNode usage(JsonNode usage) {
        long cached = usage.path("cache_read_input_tokens").asLong(0);
        long prompt = usage.path("input_tokens").asLong(0)
                + usage.path("cache_creation_input_tokens").asLong(0)
                + cached;
        ObjectNode chatUsage = ChatUsage.of(prompt, usage.path("output_tokens").asLong(0));
        if (cached > 0) {
            chatUsage.putObject("prompt_tokens_details").put("cached_tokens", cached);
        }
        return chatUsage;
    }
}
