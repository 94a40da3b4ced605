package dev.triage.responses;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.triage.openai.OpenAiException;
import dev.triage.openai.OpenAiJson;

/** The Responses API's function tools and tool choice as Chat Completions' ({@code name} moves into {@code function}). */
final class FunctionTools {

    private FunctionTools() {}

    static ArrayNode toChat(ArrayNode tools) {
        ArrayNode chat = OpenAiJson.newObject().putArray("tools");
        for (int i = 0; i < tools.size(); i++) {
            JsonNode tool = tools.get(i);
            if (!"function".equals(tool.path("type").asText())
                    || !tool.path("name").isTextual()) {
                throw ResponsesRequest.unsupported(
                        "tools[" + i + "].type",
                        "Only function tools are supported by this gateway; '"
                                + tool.path("type").asText() + "' runs inside OpenAI's platform.");
            }
            ObjectNode function = chat.addObject().put("type", "function").putObject("function");
            function.put("name", tool.get("name").asText());
            for (String field : new String[] {"description", "parameters", "strict"}) {
                if (tool.hasNonNull(field)) {
                    function.set(field, tool.get(field));
                }
            }
        }
        return chat;
    }

    static JsonNode choiceToChat(JsonNode choice) {
        if (choice.isTextual()) {
            return choice;
        }
        if ("function".equals(choice.path("type").asText())
                && choice.path("name").isTextual()) {
            ObjectNode chat = OpenAiJson.newObject().put("type", "function");
            chat.putObject("function").put("name", choice.get("name").asText());
            return chat;
        }
        throw OpenAiException.invalidRequest(
                "Invalid value for 'tool_choice': expected auto, none, required or a function.", "tool_choice");
    }
}
