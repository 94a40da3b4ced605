package dev.triage.anthropic;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.triage.openai.OpenAiJson;

/**
 * A tool call's arguments (a JSON string in Chat Completions) as Anthropic's {@code input} object. Arguments that are
 * not a JSON object (a model's malformed output) are kept whole under {@code _raw} rather than lost.
 */
final class ToolInput {

    private ToolInput() {}

    /** A Chat Completions tool call as a {@code tool_use} block added to {@code blocks}. */
    static void addToolUse(ArrayNode blocks, JsonNode toolCall) {
        blocks.addObject()
                .put("type", "tool_use")
                .put("id", toolCall.path("id").asText())
                .put("name", toolCall.path("function").path("name").asText())
                .set("input", parse(toolCall.path("function").path("arguments").asText("")));
    }

    static ObjectNode parse(String arguments) {
        if (arguments.isBlank()) {
            return OpenAiJson.newObject();
        }
        ObjectNode input = OpenAiJson.tryParseObject(arguments.getBytes(StandardCharsets.UTF_8));
        return input != null ? input : OpenAiJson.newObject().put("_raw", arguments);
    }
}
