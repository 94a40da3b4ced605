package dev.triage.openai;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The text an answer generated, the part its completion tokens were spent on: message or delta content, reasoning,
 * tool call arguments, or a legacy completion's text. What the gateway counts when an upstream reports no usage.
 */
public final class CompletionText {

    private CompletionText() {}

    /** The text of one streamed chunk. */
    public static String ofEvent(String data) {
        return of(OpenAiJson.tryParseObject(data.getBytes(StandardCharsets.UTF_8)));
    }

    /** The text of a whole answer. */
    public static String ofBody(byte[] body) {
        return of(OpenAiJson.tryParseObject(body));
    }

    private static String of(ObjectNode answer) {
        if (answer == null) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode choice : answer.path("choices")) {
            append(text, choice.get("text"));
            for (JsonNode part : new JsonNode[] {choice.get("delta"), choice.get("message")}) {
                if (part != null) {
                    append(text, part.get("content"));
                    append(text, part.get("reasoning_content"));
                    for (JsonNode call : part.path("tool_calls")) {
                        append(text, call.path("function").get("arguments"));
                    }
                }
            }
        }
        return text.toString();
    }

    private static void append(StringBuilder text, JsonNode value) {
        if (value != null && value.isTextual()) {
            text.append(value.asText());
        }
    }
}
