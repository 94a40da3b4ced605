package dev.triage.responses;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.triage.openai.OpenAiException;
import dev.triage.openai.OpenAiJson;

/**
 * The Responses API's input items as Chat Completions messages: a message item as a message (its content parts as
 * text and image parts), consecutive function calls as one assistant message with their tool calls, a function call's
 * output as a tool message. Reasoning items are dropped (no Chat Completions field takes them back).
 */
final class InputItems {

    private InputItems() {}

    static void addAll(ArrayNode items, ArrayNode messages) {
        ObjectNode pendingCalls = null;
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String param = "input[" + i + "]";
            if (!item.isObject()) {
                throw OpenAiException.invalidRequest("Each input item must be an object; " + param + " is not.", param);
            }
            String type = item.path("type").asText(item.has("role") ? "message" : "");
            if (!"function_call".equals(type)) {
                pendingCalls = null;
            }
            switch (type) {
                case "message" -> messages.add(message(item, param));
                case "function_call" -> {
                    if (pendingCalls == null) {
                        pendingCalls = messages.addObject().put("role", "assistant");
                        pendingCalls.putNull("content");
                        pendingCalls.putArray("tool_calls");
                    }
                    ObjectNode call = ((ArrayNode) pendingCalls.get("tool_calls")).addObject();
                    call.put("id", item.path("call_id").asText()).put("type", "function");
                    call.putObject("function")
                            .put("name", item.path("name").asText())
                            .put("arguments", item.path("arguments").asText("{}"));
                }
                case "function_call_output" ->
                    messages.addObject()
                            .put("role", "tool")
                            .put("tool_call_id", item.path("call_id").asText())
                            .put("content", outputText(item.get("output"), param));
                case "reasoning" -> {
                    // the model's own earlier reasoning: dropped
                }
                default ->
                    throw ResponsesRequest.unsupported(
                            param + ".type",
                            "Input items of type '" + type
                                    + "' are not supported by this gateway (message, function_call, "
                                    + "function_call_output are).");
            }
        }
    }

    private static ObjectNode message(JsonNode item, String param) {
        ResponsesRequest.requireRole(item, param);
        String role = item.get("role").asText();
        ObjectNode message = OpenAiJson.newObject().put("role", "developer".equals(role) ? "system" : role);
        JsonNode content = item.get("content");
        if (content != null && content.isTextual()) {
            return message.put("content", content.asText());
        }
        if (content == null || !content.isArray()) {
            throw OpenAiException.invalidRequest(
                    "Invalid type for '" + param + ".content': expected a string or an array of content parts.",
                    param + ".content");
        }
        if ("assistant".equals(role)) {
            StringBuilder text = new StringBuilder();
            content.forEach(part ->
                    text.append(part.path("text").asText(part.path("refusal").asText(""))));
            return message.put("content", text.toString());
        }
        ArrayNode parts = message.putArray("content");
        for (int p = 0; p < content.size(); p++) {
            JsonNode part = content.get(p);
            String at = param + ".content[" + p + "]";
            switch (part.path("type").asText()) {
                case "input_text", "output_text", "text" ->
                    parts.addObject()
                            .put("type", "text")
                            .put("text", part.path("text").asText());
                case "input_image" -> {
                    if (!part.path("image_url").isTextual()) {
                        throw ResponsesRequest.unsupported(
                                at, "Only images given by 'image_url' are supported by this gateway (not 'file_id').");
                    }
                    ObjectNode image =
                            parts.addObject().put("type", "image_url").putObject("image_url");
                    image.put("url", part.get("image_url").asText());
                    if (part.path("detail").isTextual()) {
                        image.put("detail", part.get("detail").asText());
                    }
                }
                default ->
                    throw ResponsesRequest.unsupported(
                            at + ".type",
                            "Content parts of type '" + part.path("type").asText()
                                    + "' are not supported by this gateway (input_text, input_image are).");
            }
        }
        return message;
    }

    private static String outputText(JsonNode output, String param) {
        if (output != null && output.isTextual()) {
            return output.asText();
        }
        if (output != null && output.isArray()) {
            StringBuilder text = new StringBuilder();
            output.forEach(part -> text.append(part.path("text").asText("")));
            return text.toString();
        }
        throw OpenAiException.invalidRequest(
                "Invalid type for '" + param + ".output': expected a string.", param + ".output");
    }
}
