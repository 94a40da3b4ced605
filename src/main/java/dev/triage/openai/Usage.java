package dev.triage.openai;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The tokens an answer reports in its {@code usage} object ({@code prompt_tokens}/{@code completion_tokens}, or
 * {@code input_tokens}/{@code output_tokens}); a count the answer does not give is {@code null}.
 */
public record Usage(Long inputTokens, Long outputTokens) {

    public static final Usage UNKNOWN = new Usage(null, null);

    public boolean known() {
        return inputTokens != null || outputTokens != null;
    }

    /**
     * The usage in one streamed event when it carries an object (the final chunk does; with {@code include_usage} the
     * others say {@code "usage":null}, which is told apart without parsing the event).
     */
    public static Usage fromEvent(String data) {
        return hasUsageObject(data) ? of(OpenAiJson.tryParseObject(data.getBytes(StandardCharsets.UTF_8))) : UNKNOWN;
    }

    /** Whether a streamed event is the usage-only chunk ({@code choices} empty) that {@code include_usage} adds. */
    public static boolean isUsageOnlyChunk(String data) {
        if (!hasUsageObject(data)) {
            return false;
        }
        ObjectNode chunk = OpenAiJson.tryParseObject(data.getBytes(StandardCharsets.UTF_8));
        return chunk != null
                && chunk.path("usage").isObject()
                && chunk.path("choices").isArray()
                && chunk.path("choices").isEmpty();
    }

    private static boolean hasUsageObject(String data) {
        int at = data.indexOf("\"usage\"");
        if (at < 0) {
            return false;
        }
        int i = at + 7;
        while (i < data.length() && (Character.isWhitespace(data.charAt(i)) || data.charAt(i) == ':')) {
            i++;
        }
        return i < data.length() && data.charAt(i) == '{';
    }

    /** The usage of a parsed answer or chunk. */
    public static Usage of(ObjectNode json) {
        JsonNode usage = json == null ? null : json.get("usage");
        if (usage == null || !usage.isObject()) {
            return UNKNOWN;
        }
        return new Usage(
                count(usage, "prompt_tokens", "input_tokens"), count(usage, "completion_tokens", "output_tokens"));
    }

    private static Long count(JsonNode usage, String name, String alternative) {
        JsonNode value = usage.has(name) ? usage.get(name) : usage.get(alternative);
        return value != null && value.canConvertToLong() ? value.asLong() : null;
    }
}
