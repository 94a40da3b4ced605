package dev.triage.responses;

import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.triage.openai.ChatCompletionRequest;
import dev.triage.openai.OpenAiException;
import dev.triage.openai.OpenAiJson;
import dev.triage.openai.RequestChecks;

/**
 * A {@code POST /v1/responses} body, checked and translated into the Chat Completions request that asks the same:
 * {@code instructions} as a system message, {@code input} (a string, or message, function-call and function-call-output
 * items) as messages, function tools, tool choice, {@code text.format} as {@code response_format},
 * {@code max_output_tokens} as {@code max_tokens}. What needs state the gateway does not keep
 * ({@code previous_response_id}, {@code conversation}, item references, background runs) and tools only OpenAI runs
 * (web and file search, computer use ...) are refused with a 400 that says so.
 */
public record ResponsesRequest(ObjectNode json, ChatCompletionRequest chat) {

    private static final Set<String> ROLES = Set.of("user", "assistant", "system", "developer");
    private static final List<String> STATEFUL = List.of("previous_response_id", "conversation");

    public static ResponsesRequest parse(byte[] body) {
        ObjectNode json = OpenAiJson.parseObject(body);
        RequestChecks.requireString(json, "model");
        for (String field : STATEFUL) {
            if (json.hasNonNull(field)) {
                throw unsupported(
                        field,
                        "'" + field + "' is not supported: this gateway stores no responses or conversations. "
                                + "Send the whole conversation as 'input' items instead.");
            }
        }
        if (json.path("background").asBoolean(false)) {
            throw unsupported("background", "'background' responses are not supported by this gateway.");
        }
        JsonNode input = json.get("input");
        if (input == null || !(input.isTextual() || input.isArray() && !input.isEmpty())) {
            throw OpenAiException.invalidRequest(
                    "Missing required parameter: 'input' (a string or a non-empty array of items).", "input");
        }
        RequestChecks.optionalBoolean(json, "stream");
        RequestChecks.optionalNumberInRange(json, "temperature", 0, 2);
        RequestChecks.optionalNumberInRange(json, "top_p", 0, 1);
        RequestChecks.optionalPositiveInt(json, "max_output_tokens");
        // translated now, so that every item and tool is checked before anything is dispatched
        return new ResponsesRequest(json, ChatCompletionRequest.parse(OpenAiJson.write(toChatJson(json))));
    }

    private static ObjectNode toChatJson(ObjectNode json) {
        ObjectNode chat = OpenAiJson.newObject();
        chat.put("model", json.get("model").asText());
        ArrayNode messages = chat.putArray("messages");
        if (json.path("instructions").isTextual()
                && !json.get("instructions").asText().isEmpty()) {
            messages.addObject()
                    .put("role", "system")
                    .put("content", json.get("instructions").asText());
        }
        JsonNode input = json.get("input");
        if (input.isTextual()) {
            messages.addObject().put("role", "user").put("content", input.asText());
        } else {
            InputItems.addAll((ArrayNode) input, messages);
        }
        if (json.has("max_output_tokens")) {
            chat.set("max_tokens", json.get("max_output_tokens"));
        }
        for (String field : List.of("temperature", "top_p", "parallel_tool_calls", "user")) {
            if (json.hasNonNull(field)) {
                chat.set(field, json.get(field));
            }
        }
        if (json.path("reasoning").path("effort").isTextual()) {
            chat.put("reasoning_effort", json.path("reasoning").path("effort").asText());
        }
        if (json.get("tools") instanceof ArrayNode tools && !tools.isEmpty()) {
            chat.set("tools", FunctionTools.toChat(tools));
        }
        if (json.has("tool_choice")) {
            chat.set("tool_choice", FunctionTools.choiceToChat(json.get("tool_choice")));
        }
        if (json.path("text").get("format") instanceof ObjectNode format) {
            chat.set("response_format", responseFormat(format));
        }
        if (json.path("stream").asBoolean(false)) {
            chat.put("stream", true);
            chat.putObject("stream_options").put("include_usage", true);
        }
        return chat;
    }

    private static ObjectNode responseFormat(ObjectNode format) {
        String type = format.path("type").asText();
        return switch (type) {
            case "text", "json_object" -> OpenAiJson.newObject().put("type", type);
            case "json_schema" -> {
                ObjectNode chat = OpenAiJson.newObject().put("type", "json_schema");
                ObjectNode schema = chat.putObject("json_schema");
                schema.put("name", format.path("name").asText("response"));
                for (String field : List.of("description", "schema", "strict")) {
                    if (format.has(field)) {
                        schema.set(field, format.get(field));
                    }
                }
                yield chat;
            }
            default ->
                throw OpenAiException.invalidRequest(
                        "Invalid value for 'text.format.type': expected text, json_object or json_schema.",
                        "text.format.type");
        };
    }

    static OpenAiException unsupported(String param, String message) {
        return new OpenAiException(400, "invalid_request_error", "unsupported_parameter", param, message);
    }

    static void requireRole(JsonNode item, String param) {
        if (!ROLES.contains(item.path("role").asText())) {
            throw OpenAiException.invalidRequest(
                    "Invalid value for '" + param + ".role': expected user, assistant, system or developer.",
                    param + ".role");
        }
    }
}
