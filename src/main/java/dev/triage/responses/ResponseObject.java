package dev.triage.responses;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.triage.openai.CompletionId;
import dev.triage.openai.OpenAiJson;

/**
 * The parts of a {@code response} object the non-streamed reply and the stream's events share: ids from the upstream
 * completion's id, the request's settings echoed as the API does, the output items, the usage and how it ended.
 */
final class ResponseObject {

    private ResponseObject() {}

    static ObjectNode of(ResponsesRequest request, String chatId, long createdAt, String model, String status) {
        ObjectNode json = request.json();
        ObjectNode response = OpenAiJson.newObject();
        response.put("id", "resp_" + CompletionId.suffix(chatId));
        response.put("object", "response");
        response.put("created_at", createdAt);
        response.put("status", status);
        response.putNull("error");
        response.putNull("incomplete_details");
        response.set("instructions", json.path("instructions").isTextual() ? json.get("instructions") : null);
        response.set("max_output_tokens", json.get("max_output_tokens"));
        response.put("model", model);
        response.putArray("output");
        response.put("parallel_tool_calls", json.path("parallel_tool_calls").asBoolean(true));
        response.putNull("previous_response_id");
        response.put("store", false);
        response.set(
                "temperature",
                json.has("temperature")
                        ? json.get("temperature")
                        : OpenAiJson.newObject().numberNode(1));
        response.set(
                "top_p",
                json.has("top_p") ? json.get("top_p") : OpenAiJson.newObject().numberNode(1));
        response.set(
                "tool_choice",
                json.has("tool_choice")
                        ? json.get("tool_choice")
                        : OpenAiJson.newObject().textNode("auto"));
        response.set(
                "tools",
                json.has("tools") ? json.get("tools") : OpenAiJson.newObject().arrayNode());
        ObjectNode text = response.putObject("text");
        text.set(
                "format",
                json.path("text").has("format")
                        ? json.path("text").get("format")
                        : OpenAiJson.newObject().put("type", "text"));
        response.put("truncation", "disabled");
        response.set(
                "metadata", json.get("metadata") instanceof ObjectNode metadata ? metadata : OpenAiJson.newObject());
        response.putNull("usage");
        return response;
    }

    /** Sets how the response ended from the completion's finish reason: completed, or incomplete and why. */
    static void finish(ObjectNode response, String finishReason) {
        String reason = switch (finishReason == null ? "" : finishReason) {
            case "length" -> "max_output_tokens";
            case "content_filter" -> "content_filter";
            default -> null;
        };
        response.put("status", reason == null ? "completed" : "incomplete");
        if (reason != null) {
            response.putObject("incomplete_details").put("reason", reason);
        }
    }

    static ObjectNode usage(JsonNode chatUsage) {
        ObjectNode usage = OpenAiJson.newObject();
        long input = chatUsage.path("prompt_tokens").asLong(0);
        long output = chatUsage.path("completion_tokens").asLong(0);
        usage.put("input_tokens", input);
        usage.putObject("input_tokens_details")
                .put(
                        "cached_tokens",
                        chatUsage
                                .path("prompt_tokens_details")
                                .path("cached_tokens")
                                .asLong(0));
        usage.put("output_tokens", output);
        usage.putObject("output_tokens_details")
                .put(
                        "reasoning_tokens",
                        chatUsage
                                .path("completion_tokens_details")
                                .path("reasoning_tokens")
                                .asLong(0));
        usage.put("total_tokens", chatUsage.path("total_tokens").asLong(input + output));
        return usage;
    }

    static ObjectNode messageItem(String chatId, String text, String status) {
        ObjectNode item = OpenAiJson.newObject()
                .put("type", "message")
                .put("id", "msg_" + CompletionId.suffix(chatId))
                .put("status", status)
                .put("role", "assistant");
        ArrayNode content = item.putArray("content");
        if (text != null) {
            content.add(textPart(text));
        }
        return item;
    }

    static ObjectNode textPart(String text) {
        ObjectNode part = OpenAiJson.newObject().put("type", "output_text").put("text", text);
        part.putArray("annotations");
        return part;
    }

    static ObjectNode functionCallItem(String callId, String name, String arguments, String status) {
        return OpenAiJson.newObject()
                .put("type", "function_call")
                .put("id", "fc_" + callId.replaceAll("[^A-Za-z0-9_]", ""))
                .put("call_id", callId)
                .put("name", name)
                .put("arguments", arguments)
                .put("status", status);
    }
}
