package dev.triage.openai;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The tokens of an answer: as its {@code usage} object reports them ({@code prompt_tokens}/{@code completion_tokens}, or
 * {@code input_tokens}/{@code output_tokens}), or {@code estimated} by the gateway when no usage arrived. A count the
 * answer does not give is {@code null}; an answer with a count outside {@code 0..}{@value #MOST_TOKENS} reports nothing
 * the gateway believes.
 */
public record Usage(Long inputTokens, Long outputTokens, boolean estimated) {

    /** More tokens than any answer has; a larger count is an upstream's error and is not believed (nor billed). */
    public static final long MOST_TOKENS = 1_000_000_000L;

    public static final Usage UNKNOWN = new Usage(null, null);

    /** Tokens as the upstream reported them. */
    public Usage(Long inputTokens, Long outputTokens) {
        this(inputTokens, outputTokens, false);
    }

    /** These counts, each replaced by {@code later}'s where it has one (a stream reporting input and output apart). */
    public Usage updatedBy(Usage later) {
        return new Usage(
                later.inputTokens != null ? later.inputTokens : inputTokens,
                later.outputTokens != null ? later.outputTokens : outputTokens,
                later.estimated);
    }

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

    /** The usage of a parsed answer or chunk; {@link #UNKNOWN} when it reports none or a count it cannot have. */
    public static Usage of(ObjectNode json) {
        JsonNode usage = json == null ? null : json.get("usage");
        if (usage == null || !usage.isObject()) {
            return UNKNOWN;
        }
        JsonNode input = count(usage, "prompt_tokens", "input_tokens");
        JsonNode output = count(usage, "completion_tokens", "output_tokens");
        if (!plausible(input) || !plausible(output)) {
            return UNKNOWN;
        }
        return new Usage(input == null ? null : input.asLong(), output == null ? null : output.asLong());
    }

    private static JsonNode count(JsonNode usage, String name, String alternative) {
        JsonNode value = usage.has(name) ? usage.get(name) : usage.get(alternative);
        return value == null || value.isNull() ? null : value;
    }

    private static boolean plausible(JsonNode count) {
        return count == null
                || count.isIntegralNumber()
                        && count.canConvertToLong()
                        && count.asLong() >= 0
                        && count.asLong() <= MOST_TOKENS;
    }
}
