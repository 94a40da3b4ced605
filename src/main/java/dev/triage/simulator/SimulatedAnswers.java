package dev.triage.simulator;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.triage.openai.OpenAiJson;

/** What a simulated model says: deterministic text in its own style, and tool calls when the request offers tools. */
final class SimulatedAnswers {

    private static final int EXCERPT = 80;

    private SimulatedAnswers() {}

    static String text(SimulatedModel model, String prompt, String toolResult) {
        String topic = excerpt(prompt);
        if (toolResult != null) {
            return "[simulated " + model.id + "] The tool returned " + excerpt(toolResult) + ", so that is the answer.";
        }
        if (!model.thorough) {
            return "[simulated " + model.id + "] Short answer about \"" + topic + "\": it depends, but usually yes.";
        }
        return "[simulated " + model.id + "] Here is a careful answer about \"" + topic + "\". "
                + "First, restate the question and what a good answer must cover. "
                + "Second, weigh the main options, with their trade-offs and the cases where each one fails. "
                + "Third, pick the option that fits best and explain why, with one concrete example. "
                + "Finally, list what to check next. This text comes from the Triage simulator, not from a real model.";
    }

    /** A call to the first offered function, its required arguments filled with placeholder values. */
    static ObjectNode toolCall(JsonNode tools) {
        JsonNode function = tools.get(0).path("function");
        ObjectNode arguments = OpenAiJson.newObject();
        JsonNode properties = function.path("parameters").path("properties");
        for (JsonNode required : function.path("parameters").path("required")) {
            String type = properties.path(required.asText()).path("type").asText("string");
            switch (type) {
                case "number", "integer" -> arguments.put(required.asText(), 1);
                case "boolean" -> arguments.put(required.asText(), true);
                default -> arguments.put(required.asText(), "simulated");
            }
        }
        ObjectNode call = OpenAiJson.newObject();
        call.put(
                "id",
                "call_sim_" + Integer.toHexString(function.path("name").asText().hashCode()));
        call.put("type", "function");
        call.putObject("function").put("name", function.path("name").asText()).put("arguments", arguments.toString());
        return call;
    }

    /** Splits text into the pieces a stream sends, one word (with its trailing space) each. */
    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i - 1) == ' ') {
                tokens.add(text.substring(start, i));
                start = i;
            }
        }
        return tokens;
    }

    /** A rough token count (about 4 characters a token), as providers report. */
    static int countTokens(String text) {
        return Math.max(1, (text.length() + 3) / 4);
    }

    static int countPromptTokens(JsonNode messages) {
        int tokens = 0;
        for (Iterator<JsonNode> it = messages.elements(); it.hasNext(); ) {
            JsonNode content = it.next().path("content");
            tokens += 4 + countTokens(content.isTextual() ? content.asText() : content.toString());
        }
        return tokens;
    }

    static ObjectNode usage(int prompt, int completion) {
        ObjectNode usage = OpenAiJson.newObject();
        usage.put("prompt_tokens", prompt);
        usage.put("completion_tokens", completion);
        usage.put("total_tokens", prompt + completion);
        return usage;
    }

    static Map.Entry<String, String> lastTurn(JsonNode messages) {
        JsonNode last = messages.get(messages.size() - 1);
        String text = last.path("content").isTextual()
                ? last.path("content").asText()
                : last.path("content").toString();
        return Map.entry(last.path("role").asText(), text);
    }

    private static String excerpt(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() > EXCERPT ? flat.substring(0, EXCERPT) + "..." : flat;
    }
}
