package dev.triage.anthropic;

import java.util.ArrayList;
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
 * A {@code POST /v1/messages} body, checked as Anthropic checks it and translated into the Chat Completions request that
 * asks the same: the system prompt as a system message, text and image blocks as content parts, {@code tool_use} blocks
 * as the assistant's tool calls, {@code tool_result} blocks as tool messages, tools, tool choice, stop sequences and
 * sampling as their Chat Completions fields. A stream always asks for its usage (Anthropic reports it at the end).
 */
public record MessagesRequest(ObjectNode json) {

    private static final Set<String> ROLES = Set.of("user", "assistant");

    public static MessagesRequest parse(byte[] body) {
        return of(OpenAiJson.parseObject(body));
    }

    /** A body already read as JSON, checked the same way. */
    public static MessagesRequest of(ObjectNode json) {
        RequestChecks.requireString(json, "model");
        if (!json.path("max_tokens").canConvertToInt()
                || json.path("max_tokens").asInt() < 1) {
            throw OpenAiException.invalidRequest("max_tokens: Field required (a positive integer).", "max_tokens");
        }
        JsonNode messages = json.get("messages");
        if (messages == null || !messages.isArray() || messages.isEmpty()) {
            throw OpenAiException.invalidRequest("messages: Field required (a non-empty array).", "messages");
        }
        for (int i = 0; i < messages.size(); i++) {
            JsonNode message = messages.get(i);
            String where = "messages." + i;
            if (!message.isObject() || !ROLES.contains(message.path("role").asText())) {
                throw OpenAiException.invalidRequest(
                        where + ".role: Input should be 'user' or 'assistant'.", where + ".role");
            }
            JsonNode content = message.get("content");
            if (content == null || !(content.isTextual() || content.isArray())) {
                throw OpenAiException.invalidRequest(
                        where + ".content: Input should be a string or a list of content blocks.", where + ".content");
            }
        }
        RequestChecks.optionalBoolean(json, "stream");
        RequestChecks.optionalNumberInRange(json, "temperature", 0, 1);
        RequestChecks.optionalNumberInRange(json, "top_p", 0, 1);
        return new MessagesRequest(json);
    }

    public String model() {
        return json.get("model").asText();
    }

    public boolean stream() {
        return json.path("stream").asBoolean(false);
    }

    /** The Chat Completions request that asks the same. */
    public ChatCompletionRequest toChat() {
        ObjectNode chat = OpenAiJson.newObject();
        chat.put("model", model());
        ArrayNode messages = chat.putArray("messages");
        String system = textOf(json.get("system"), "system");
        if (!system.isEmpty()) {
            messages.addObject().put("role", "system").put("content", system);
        }
        JsonNode turns = json.get("messages");
        for (int i = 0; i < turns.size(); i++) {
            addTurn(messages, turns.get(i), "messages." + i);
        }
        chat.put("max_tokens", json.get("max_tokens").asInt());
        copy("temperature", chat, "temperature");
        copy("top_p", chat, "top_p");
        if (json.get("stop_sequences") instanceof ArrayNode stops && !stops.isEmpty()) {
            chat.set("stop", stops);
        }
        if (json.path("metadata").path("user_id").isTextual()) {
            chat.put("user", json.path("metadata").path("user_id").asText());
        }
        if (json.get("tools") instanceof ArrayNode tools && !tools.isEmpty()) {
            chat.set("tools", AnthropicTools.toChat(tools));
        }
        if (json.get("tool_choice") instanceof ObjectNode choice) {
            AnthropicTools.choiceToChat(choice, chat);
        }
        if (stream()) {
            chat.put("stream", true);
            chat.putObject("stream_options").put("include_usage", true);
        }
        return ChatCompletionRequest.parse(OpenAiJson.write(chat));
    }

    private void copy(String from, ObjectNode chat, String to) {
        if (json.hasNonNull(from)) {
            chat.set(to, json.get(from));
        }
    }

    /**
     * One Anthropic turn as Chat Completions messages: an assistant turn as one message (text and tool calls), a user
     * turn as a tool message per {@code tool_result} block, then one user message with the rest of its blocks.
     */
    private static void addTurn(ArrayNode messages, JsonNode turn, String where) {
        String role = turn.get("role").asText();
        JsonNode content = turn.get("content");
        if (content.isTextual()) {
            messages.addObject().put("role", role).put("content", content.asText());
            return;
        }
        ArrayNode parts = OpenAiJson.newObject().putArray("parts");
        ArrayNode toolCalls = OpenAiJson.newObject().putArray("tool_calls");
        for (int b = 0; b < content.size(); b++) {
            JsonNode block = content.get(b);
            String at = where + ".content." + b;
            switch (block.path("type").asText()) {
                case "text" ->
                    parts.addObject()
                            .put("type", "text")
                            .put("text", block.path("text").asText());
                case "image" -> parts.add(imagePart(block, at));
                case "tool_use" -> {
                    requireRole(role, "assistant", "tool_use", at);
                    ObjectNode call = toolCalls.addObject();
                    call.put("id", block.path("id").asText()).put("type", "function");
                    call.putObject("function")
                            .put("name", block.path("name").asText())
                            .put(
                                    "arguments",
                                    block.path("input").isMissingNode()
                                            ? "{}"
                                            : block.get("input").toString());
                }
                case "tool_result" -> {
                    requireRole(role, "user", "tool_result", at);
                    String result = textOf(block.get("content"), at + ".content");
                    messages.addObject()
                            .put("role", "tool")
                            .put("tool_call_id", block.path("tool_use_id").asText())
                            .put("content", block.path("is_error").asBoolean(false) ? "Error: " + result : result);
                }
                case "thinking", "redacted_thinking" -> {
                    // the model's own earlier reasoning: no Chat Completions field carries it back
                }
                default ->
                    throw OpenAiException.invalidRequest(
                            at + ".type: '" + block.path("type").asText()
                                    + "' blocks are not supported by this gateway (text, image, tool_use, tool_result are).",
                            at + ".type");
            }
        }
        if ("assistant".equals(role)) {
            ObjectNode message = messages.addObject().put("role", "assistant");
            String text = joinedText(parts);
            if (text.isEmpty()) {
                message.putNull("content");
            } else {
                message.put("content", text);
            }
            if (!toolCalls.isEmpty()) {
                message.set("tool_calls", toolCalls);
            }
        } else if (!parts.isEmpty()) {
            messages.addObject().put("role", "user").set("content", parts);
        }
    }

    private static void requireRole(String role, String expected, String block, String at) {
        if (!role.equals(expected)) {
            throw OpenAiException.invalidRequest(
                    at + ": " + block + " blocks belong in " + expected + " messages.", at + ".type");
        }
    }

    private static ObjectNode imagePart(JsonNode block, String at) {
        JsonNode source = block.path("source");
        String url = switch (source.path("type").asText()) {
            case "base64" ->
                "data:" + source.path("media_type").asText() + ";base64,"
                        + source.path("data").asText();
            case "url" -> source.path("url").asText();
            default ->
                throw OpenAiException.invalidRequest(
                        at + ".source.type: expected 'base64' or 'url'.", at + ".source.type");
        };
        ObjectNode part = OpenAiJson.newObject().put("type", "image_url");
        part.putObject("image_url").put("url", url);
        return part;
    }

    /** A string, or the text of a list of text blocks, joined by a newline; other blocks in it are refused. */
    private static String textOf(JsonNode content, String where) {
        if (content == null || content.isNull()) {
            return "";
        }
        if (content.isTextual()) {
            return content.asText();
        }
        if (!content.isArray()) {
            throw OpenAiException.invalidRequest(where + ": expected a string or a list of text blocks.", where);
        }
        List<String> texts = new ArrayList<>();
        for (JsonNode block : content) {
            if (!"text".equals(block.path("type").asText())) {
                throw OpenAiException.invalidRequest(
                        where + ": only text blocks are supported here, not '"
                                + block.path("type").asText() + "'.",
                        where);
            }
            texts.add(block.path("text").asText());
        }
        return String.join("\n", texts);
    }

    private static String joinedText(ArrayNode parts) {
        List<String> texts = new ArrayList<>();
        parts.forEach(part -> {
            if ("text".equals(part.path("type").asText())) {
                texts.add(part.path("text").asText());
            }
        });
        return String.join("\n", texts);
    }
}
