package dev.triage.anthropic;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.triage.openai.OpenAiJson;

/**
 * A tool call's arguments (a JSON string in Chat Completions) as Anthropic's {@code input} object. Arguments that are
 * not a JSON object (a model's malformed output) are kept whole under {@code _raw} rather than lost.
 */
final class ToolInput {

    private ToolInput() {}

    static ObjectNode parse(String arguments) {
        if (arguments.isBlank()) {
            return OpenAiJson.newObject();
        }
        ObjectNode input = OpenAiJson.tryParseObject(arguments.getBytes(StandardCharsets.UTF_8));
        return input != null ? input : OpenAiJson.newObject().put("_raw", arguments);
    }
}
