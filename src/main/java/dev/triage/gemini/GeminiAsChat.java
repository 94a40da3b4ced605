package dev.triage.gemini;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.triage.openai.ChatCompletion;
import dev.triage.openai.ChatUsage;
import dev.triage.openai.OpenAiError;
import dev.triage.openai.OpenAiJson;

/**
 * A Gemini {@code GenerateContentResponse} as a {@code chat.completion}: the first candidate's text parts (not its
 * thoughts) as the content, its function calls as tool calls, its finish reason (a safety or recitation block, or a
 * blocked prompt, as {@code content_filter}) and its usage (thinking tokens are output tokens, billed as such); and
 * Google's error envelope as OpenAI's, with the retry delay it asks for.
 */
public final class GeminiAsChat {

    private GeminiAsChat() {}

    public static byte[] of(byte[] upstreamResponse) {
        ObjectNode response = OpenAiJson.upstreamObject(upstreamResponse);
        JsonNode candidate = response.path("candidates").path(0);
        StringBuilder text = new StringBuilder();
        ArrayNode calls = OpenAiJson.newObject().putArray("tool_calls");
        for (JsonNode part : candidate.path("content").path("parts")) {
            if (part.path("text").isTextual() && !part.path("thought").asBoolean(false)) {
                text.append(part.get("text").asText());
            } else if (part.has("functionCall")) {
                calls.add(toolCall(part, -1));
            }
        }
        return ChatCompletion.of(
                chatId(response),
                response.path("modelVersion").asText(""),
                text.toString(),
                calls,
                finishReason(response, !calls.isEmpty()),
                usage(response.path("usageMetadata")));
    }

    /** Google's error envelope as OpenAI's, keeping its message and its status as the type. */
    public static byte[] error(byte[] body) {
        return OpenAiError.translated(body, "status", "unknown");
    }

    /** The delay a {@code RetryInfo} detail asks for, in whole seconds as {@code Retry-After} gives them. */
    public static Optional<String> retryAfter(byte[] body) {
        ObjectNode envelope = body == null ? null : OpenAiJson.tryParseObject(body);
        if (envelope == null) {
            return Optional.empty();
        }
        for (JsonNode detail : envelope.path("error").path("details")) {
            String delay = detail.path("retryDelay").asText("");
            if (delay.matches("\\d+(\\.\\d+)?s")) {
                BigDecimal seconds = new BigDecimal(delay.substring(0, delay.length() - 1));
                return Optional.of(seconds.setScale(0, RoundingMode.CEILING).toPlainString());
            }
        }
        return Optional.empty();
    }

    static String chatId(JsonNode response) {
        String id = response.path("responseId").asText("");
        return "chatcmpl-" + (id.isEmpty() ? Long.toHexString(System.nanoTime()) : id);
    }

    /** A {@code functionCall} part as a tool call; with its {@code index} when it is a streamed delta. */
    static ObjectNode toolCall(JsonNode part, int index) {
        ObjectNode call = OpenAiJson.newObject();
        if (index >= 0) {
            call.put("index", index);
        }
        call.put("id", ToolCallIds.of(part.path("thoughtSignature").asText(null)))
                .put("type", "function")
                .putObject("function")
                .put("name", part.path("functionCall").path("name").asText())
                .put(
                        "arguments",
                        part.path("functionCall").path("args").isObject()
                                ? part.path("functionCall").get("args").toString()
                                : "{}");
        return call;
    }

    /** The finish reason of a response's first candidate, or of a prompt blocked before any; {@code null} if none yet. */
    static String finishReason(JsonNode response, boolean calledTools) {
        if (response.path("promptFeedback").path("blockReason").isTextual()) {
            return "content_filter";
        }
        String reason = response.path("candidates").path(0).path("finishReason").asText("");
        return switch (reason) {
            case "" -> null;
            case "STOP" -> calledTools ? "tool_calls" : "stop";
            case "MAX_TOKENS" -> "length";
            case "SAFETY", "RECITATION", "BLOCKLIST", "PROHIBITED_CONTENT", "SPII", "IMAGE_SAFETY", "LANGUAGE" ->
                "content_filter";
            default -> calledTools ? "tool_calls" : "stop";
        };
    }

    static ObjectNode usage(JsonNode metadata) {
        long thoughts = metadata.path("thoughtsTokenCount").asLong(0);
        long cached = metadata.path("cachedContentTokenCount").asLong(0);
        ObjectNode usage = ChatUsage.of(
                metadata.path("promptTokenCount").asLong(0),
                metadata.path("candidatesTokenCount").asLong(0) + thoughts);
        if (cached > 0) {
            usage.putObject("prompt_tokens_details").put("cached_tokens", cached);
        }
        if (thoughts > 0) {
            usage.putObject("completion_tokens_details").put("reasoning_tokens", thoughts);
        }
        return usage;
    }
}
