package dev.triage.anthropic;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.triage.openai.ChatFields;
import dev.triage.openai.DataUrl;
import dev.triage.openai.MessageText;
import dev.triage.openai.OpenAiException;
import dev.triage.openai.OpenAiJson;
import dev.triage.openai.UnsupportedField;

/**
 * A Chat Completions request as the Anthropic Messages API body that asks the same, for an upstream of type
 * {@code anthropic}: system and developer messages as {@code system}, text and image parts as blocks, the assistant's
 * tool calls as {@code tool_use} blocks and tool messages as {@code tool_result} blocks (consecutive turns of one role
 * merged, as Anthropic wants them), function tools, tool choice, stop sequences, sampling and the output cap (which
 * Anthropic requires).
 */
public final class ChatAsMessages {

    private static final Set<String> CARRIED = ChatFields.with("parallel_tool_calls");

    private ChatAsMessages() {}

    /** What of {@code chat} the Messages API cannot carry. */
    public static List<UnsupportedField> unsupported(ObjectNode chat) {
        List<UnsupportedField> unsupported = ChatFields.beyond(chat, CARRIED, "Anthropic's Messages API");
        if (chat.path("temperature").isNumber()
                && chat.get("temperature").decimalValue().compareTo(BigDecimal.ONE) > 0) {
            unsupported.add(new UnsupportedField("temperature", "Anthropic takes 0 to 1"));
        }
        return unsupported;
    }

    public static ObjectNode of(ObjectNode chat, int defaultMaxTokens) {
        ObjectNode body = OpenAiJson.newObject();
        body.put("model", chat.path("model").asText());
        JsonNode max = ChatFields.maxOutputTokens(chat);
        body.put("max_tokens", max != null && max.canConvertToInt() ? max.asInt() : defaultMaxTokens);
        StringBuilder system = new StringBuilder();
        ArrayNode messages = body.putArray("messages");
        JsonNode turns = chat.path("messages");
        for (int i = 0; i < turns.size(); i++) {
            JsonNode message = turns.get(i);
            String where = "messages[" + i + "]";
            switch (message.path("role").asText()) {
                case "system", "developer" -> {
                    if (!system.isEmpty()) {
                        system.append("\n\n");
                    }
                    system.append(MessageText.of(message.get("content")));
                }
                case "user" -> userBlocks(messages, message.get("content"), where);
                case "assistant" -> assistantBlocks(messages, message);
                case "tool" -> {
                    ObjectNode result = OpenAiJson.newObject()
                            .put("type", "tool_result")
                            .put("tool_use_id", message.path("tool_call_id").asText())
                            .put("content", MessageText.of(message.get("content")));
                    blocksOf(messages, "user").add(result);
                }
                default ->
                    throw OpenAiException.invalidRequest(
                            where + ": role '" + message.path("role").asText()
                                    + "' cannot be sent to an Anthropic model.",
                            where + ".role");
            }
        }
        if (!system.isEmpty()) {
            body.put("system", system.toString());
        }
        if (chat.hasNonNull("temperature")) {
            body.set("temperature", chat.get("temperature"));
        }
        if (chat.hasNonNull("top_p")) {
            body.set("top_p", chat.get("top_p"));
        }
        List<String> stops = ChatFields.strings(chat.get("stop"));
        if (!stops.isEmpty()) {
            ArrayNode sequences = body.putArray("stop_sequences");
            stops.forEach(sequences::add);
        }
        if (chat.path("user").isTextual()) {
            body.putObject("metadata").put("user_id", chat.get("user").asText());
        }
        tools(chat, body);
        if (chat.path("stream").asBoolean(false)) {
            body.put("stream", true);
        }
        return body;
    }

    private static void userBlocks(ArrayNode messages, JsonNode content, String where) {
        ArrayNode blocks = blocksOf(messages, "user");
        if (content == null || content.isTextual() || content.isNull()) {
            blocks.addObject().put("type", "text").put("text", content == null ? "" : content.asText(""));
            return;
        }
        for (int p = 0; p < content.size(); p++) {
            JsonNode part = content.get(p);
            switch (part.path("type").asText()) {
                case "text" ->
                    blocks.addObject()
                            .put("type", "text")
                            .put("text", part.path("text").asText());
                case "image_url" ->
                    blocks.add(image(part.path("image_url").path("url").asText()));
                default ->
                    throw OpenAiException.invalidRequest(
                            where + ".content[" + p + "]: '" + part.path("type").asText()
                                    + "' parts cannot be sent to an Anthropic model (text and image_url can).",
                            where + ".content");
            }
        }
    }

    private static ObjectNode image(String url) {
        ObjectNode block = OpenAiJson.newObject().put("type", "image");
        ObjectNode source = block.putObject("source");
        DataUrl.parse(url)
                .ifPresentOrElse(
                        data -> source.put("type", "base64")
                                .put("media_type", data.mediaType())
                                .put("data", data.base64()),
                        () -> source.put("type", "url").put("url", url));
        return block;
    }

    private static void assistantBlocks(ArrayNode messages, JsonNode message) {
        ArrayNode blocks = blocksOf(messages, "assistant");
        String text = MessageText.of(message.get("content"));
        if (!text.isEmpty()) {
            blocks.addObject().put("type", "text").put("text", text);
        }
        message.path("tool_calls").forEach(call -> ToolInput.addToolUse(blocks, call));
    }

    /** The content blocks of the last message when it has {@code role}; else of a new message with it. */
    private static ArrayNode blocksOf(ArrayNode messages, String role) {
        if (!messages.isEmpty()
                && role.equals(messages.get(messages.size() - 1).path("role").asText())) {
            return (ArrayNode) messages.get(messages.size() - 1).get("content");
        }
        return messages.addObject().put("role", role).putArray("content");
    }

    private static void tools(ObjectNode chat, ObjectNode body) {
        if (chat.get("tools") instanceof ArrayNode tools && !tools.isEmpty()) {
            ArrayNode anthropicTools = body.putArray("tools");
            for (int i = 0; i < tools.size(); i++) {
                JsonNode function = tools.get(i).path("function");
                if (!"function".equals(tools.get(i).path("type").asText())
                        || !function.path("name").isTextual()) {
                    throw OpenAiException.invalidRequest(
                            "tools[" + i + "]: only function tools can be sent to an Anthropic model.",
                            "tools[" + i + "]");
                }
                ObjectNode tool = anthropicTools
                        .addObject()
                        .put("name", function.get("name").asText());
                if (function.path("description").isTextual()) {
                    tool.put("description", function.get("description").asText());
                }
                tool.set(
                        "input_schema",
                        function.path("parameters").isObject()
                                ? function.get("parameters")
                                : OpenAiJson.newObject().put("type", "object"));
            }
        }
        JsonNode choice = chat.get("tool_choice");
        ObjectNode anthropicChoice = null;
        if (choice != null && choice.isTextual()) {
            anthropicChoice = OpenAiJson.newObject()
                    .put(
                            "type",
                            switch (choice.asText()) {
                                case "required" -> "any";
                                case "none" -> "none";
                                default -> "auto";
                            });
        } else if (choice != null && choice.isObject()) {
            anthropicChoice = OpenAiJson.newObject()
                    .put("type", "tool")
                    .put("name", choice.path("function").path("name").asText());
        }
        if (chat.path("parallel_tool_calls").isBoolean()
                && !chat.get("parallel_tool_calls").asBoolean()
                && body.has("tools")) {
            if (anthropicChoice == null) {
                anthropicChoice = OpenAiJson.newObject().put("type", "auto");
            }
            if (!"none".equals(anthropicChoice.path("type").asText())) {
                anthropicChoice.put("disable_parallel_tool_use", true);
            }
        }
        if (anthropicChoice != null) {
            body.set("tool_choice", anthropicChoice);
        }
    }
}
