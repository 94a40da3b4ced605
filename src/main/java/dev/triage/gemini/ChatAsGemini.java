package dev.triage.gemini;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * A Chat Completions request as the Gemini {@code generateContent} body that asks the same: system and developer
 * messages as {@code systemInstruction}, turns as {@code contents} ({@code model} for the assistant, consecutive turns
 * of one role merged), inline images as {@code inlineData}, tool calls and their results as {@code functionCall} and
 * {@code functionResponse} parts (a call's thought signature restored from its id), function tools, tool choice, JSON
 * output and sampling as {@code generationConfig}.
 */
public final class ChatAsGemini {

    private static final Set<String> CARRIED =
            ChatFields.with("seed", "presence_penalty", "frequency_penalty", "response_format");

    private ChatAsGemini() {}

    /** What of {@code chat} the Gemini API cannot carry. */
    public static List<UnsupportedField> unsupported(ObjectNode chat) {
        return ChatFields.beyond(chat, CARRIED, "Gemini's generateContent");
    }

    public static ObjectNode of(ObjectNode chat) {
        ObjectNode body = OpenAiJson.newObject();
        ArrayNode contents = body.putArray("contents");
        ArrayNode system = OpenAiJson.newObject().putArray("parts");
        Map<String, String> toolNames = new HashMap<>();
        JsonNode messages = chat.path("messages");
        for (int i = 0; i < messages.size(); i++) {
            JsonNode message = messages.get(i);
            String where = "messages[" + i + "]";
            switch (message.path("role").asText()) {
                case "system", "developer" -> system.addObject().put("text", MessageText.of(message.get("content")));
                case "user" -> userParts(partsOf(contents, "user"), message.get("content"), where);
                case "assistant" -> modelParts(partsOf(contents, "model"), message, toolNames);
                case "tool" -> {
                    ObjectNode response = partsOf(contents, "user").addObject().putObject("functionResponse");
                    response.put(
                            "name",
                            toolNames.getOrDefault(message.path("tool_call_id").asText(), ""));
                    String result = MessageText.of(message.get("content"));
                    ObjectNode parsed = OpenAiJson.tryParseObject(result.getBytes(StandardCharsets.UTF_8));
                    response.set(
                            "response",
                            parsed != null ? parsed : OpenAiJson.newObject().put("result", result));
                }
                default ->
                    throw OpenAiException.invalidRequest(
                            where + ": role '" + message.path("role").asText() + "' cannot be sent to a Gemini model.",
                            where + ".role");
            }
        }
        if (!system.isEmpty()) {
            body.putObject("systemInstruction").set("parts", system);
        }
        ObjectNode config = generationConfig(chat);
        if (!config.isEmpty()) {
            body.set("generationConfig", config);
        }
        tools(chat, body);
        return body;
    }

    private static void userParts(ArrayNode parts, JsonNode content, String where) {
        if (content == null || !content.isArray()) {
            parts.addObject().put("text", content == null ? "" : content.asText(""));
            return;
        }
        for (int p = 0; p < content.size(); p++) {
            JsonNode part = content.get(p);
            String at = where + ".content[" + p + "]";
            switch (part.path("type").asText()) {
                case "text" -> parts.addObject().put("text", part.path("text").asText());
                case "image_url" -> {
                    DataUrl image = DataUrl.parse(
                                    part.path("image_url").path("url").asText())
                            .orElseThrow(() -> OpenAiException.invalidRequest(
                                    at + ": a Gemini model takes images inline; send the image as a data: URL.",
                                    at + ".image_url.url"));
                    parts.addObject()
                            .putObject("inlineData")
                            .put("mimeType", image.mediaType())
                            .put("data", image.base64());
                }
                default ->
                    throw OpenAiException.invalidRequest(
                            at + ": '" + part.path("type").asText()
                                    + "' parts cannot be sent to a Gemini model (text and image_url can).",
                            at + ".type");
            }
        }
    }

    private static void modelParts(ArrayNode parts, JsonNode message, Map<String, String> toolNames) {
        String text = MessageText.of(message.get("content"));
        if (!text.isEmpty()) {
            parts.addObject().put("text", text);
        }
        for (JsonNode call : message.path("tool_calls")) {
            String id = call.path("id").asText();
            String name = call.path("function").path("name").asText();
            toolNames.put(id, name);
            ObjectNode part = parts.addObject();
            ObjectNode functionCall = part.putObject("functionCall").put("name", name);
            ObjectNode args = OpenAiJson.tryParseObject(
                    call.path("function").path("arguments").asText("{}").getBytes(StandardCharsets.UTF_8));
            functionCall.set("args", args != null ? args : OpenAiJson.newObject());
            ToolCallIds.thoughtSignature(id).ifPresent(signature -> part.put("thoughtSignature", signature));
        }
    }

    /** The parts of the last content when it has {@code role}; else of a new content with it. */
    private static ArrayNode partsOf(ArrayNode contents, String role) {
        if (!contents.isEmpty()
                && role.equals(contents.get(contents.size() - 1).path("role").asText())) {
            return (ArrayNode) contents.get(contents.size() - 1).get("parts");
        }
        return contents.addObject().put("role", role).putArray("parts");
    }

    private static ObjectNode generationConfig(ObjectNode chat) {
        ObjectNode config = OpenAiJson.newObject();
        copy(chat, "temperature", config, "temperature");
        copy(chat, "top_p", config, "topP");
        copy(chat, "seed", config, "seed");
        copy(chat, "presence_penalty", config, "presencePenalty");
        copy(chat, "frequency_penalty", config, "frequencyPenalty");
        JsonNode max = ChatFields.maxOutputTokens(chat);
        if (max != null && !max.isNull()) {
            config.set("maxOutputTokens", max);
        }
        List<String> stops = ChatFields.strings(chat.get("stop"));
        if (!stops.isEmpty()) {
            ArrayNode sequences = config.putArray("stopSequences");
            stops.forEach(sequences::add);
        }
        JsonNode format = chat.path("response_format");
        switch (format.path("type").asText()) {
            case "json_object" -> config.put("responseMimeType", "application/json");
            case "json_schema" -> {
                config.put("responseMimeType", "application/json");
                if (format.path("json_schema").path("schema").isObject()) {
                    config.set("responseJsonSchema", format.path("json_schema").get("schema"));
                }
            }
            default -> {
                // text: Gemini's default
            }
        }
        return config;
    }

    private static void copy(ObjectNode chat, String from, ObjectNode config, String to) {
        if (chat.hasNonNull(from)) {
            config.set(to, chat.get(from));
        }
    }

    private static void tools(ObjectNode chat, ObjectNode body) {
        if (chat.get("tools") instanceof ArrayNode tools && !tools.isEmpty()) {
            ArrayNode declarations = body.putArray("tools").addObject().putArray("functionDeclarations");
            for (int i = 0; i < tools.size(); i++) {
                JsonNode function = tools.get(i).path("function");
                if (!"function".equals(tools.get(i).path("type").asText())
                        || !function.path("name").isTextual()) {
                    throw OpenAiException.invalidRequest(
                            "tools[" + i + "]: only function tools can be sent to a Gemini model.", "tools[" + i + "]");
                }
                ObjectNode declaration = declarations
                        .addObject()
                        .put("name", function.get("name").asText());
                if (function.path("description").isTextual()) {
                    declaration.put("description", function.get("description").asText());
                }
                if (function.path("parameters").isObject()) {
                    declaration.set("parametersJsonSchema", function.get("parameters"));
                }
            }
        }
        JsonNode choice = chat.get("tool_choice");
        if (choice == null || choice.isNull()) {
            return;
        }
        ObjectNode calling = body.putObject("toolConfig").putObject("functionCallingConfig");
        if (choice.isObject()) {
            calling.put("mode", "ANY")
                    .putArray("allowedFunctionNames")
                    .add(choice.path("function").path("name").asText());
        } else {
            calling.put(
                    "mode",
                    switch (choice.asText()) {
                        case "required" -> "ANY";
                        case "none" -> "NONE";
                        default -> "AUTO";
                    });
        }
    }
}
