package dev.triage.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.triage.openai.OpenAiException;
import dev.triage.openai.OpenAiJson;

/** Anthropic's tool definitions and tool choice as Chat Completions' function tools and {@code tool_choice}. */
final class AnthropicTools {

    private AnthropicTools() {}

    static ArrayNode toChat(ArrayNode tools) {
        ArrayNode functions = OpenAiJson.newObject().putArray("tools");
        for (int i = 0; i < tools.size(); i++) {
            JsonNode tool = tools.get(i);
            if (!tool.path("name").isTextual()
                    || tool.has("type") && !"custom".equals(tool.path("type").asText())) {
                throw OpenAiException.invalidRequest(
                        "tools." + i + ": only client tools with a name and an input_schema are supported by this "
                                + "gateway (not Anthropic's server tools).",
                        "tools." + i);
            }
            ObjectNode function = functions.addObject().put("type", "function").putObject("function");
            function.put("name", tool.get("name").asText());
            if (tool.path("description").isTextual()) {
                function.put("description", tool.get("description").asText());
            }
            function.set(
                    "parameters",
                    tool.has("input_schema")
                            ? tool.get("input_schema")
                            : OpenAiJson.newObject().put("type", "object"));
        }
        return functions;
    }

    static void choiceToChat(ObjectNode choice, ObjectNode chat) {
        switch (choice.path("type").asText()) {
            case "auto" -> chat.put("tool_choice", "auto");
            case "any" -> chat.put("tool_choice", "required");
            case "none" -> chat.put("tool_choice", "none");
            case "tool" ->
                chat.putObject("tool_choice")
                        .put("type", "function")
                        .putObject("function")
                        .put("name", choice.path("name").asText());
            default ->
                throw OpenAiException.invalidRequest(
                        "tool_choice.type: expected auto, any, tool or none.", "tool_choice.type");
        }
        if (choice.path("disable_parallel_tool_use").asBoolean(false)) {
            chat.put("parallel_tool_calls", false);
        }
    }
}
