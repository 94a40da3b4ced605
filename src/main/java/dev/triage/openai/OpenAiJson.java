package dev.triage.openai;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads and writes OpenAI bodies as JSON trees without changing what the gateway does not interpret: numbers keep their
 * exact decimal value (no double rounding, no stripped zeros), so a field the client sent reaches the upstream as it was.
 */
public final class OpenAiJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    /**
     * Client bodies are read strictly and within bounds: no duplicate keys (an upstream might read the other value),
     * nothing after the object, and limits on nesting, number and name length, so that a hostile body is a 400.
     */
    private static final ObjectMapper REQUESTS = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(256)
                            .maxNumberLength(1000)
                            .maxNameLength(10_000)
                            .build())
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private static final int MOST_DETAIL = 160;

    private OpenAiJson() {}

    /** Parses a request body that must be one JSON object; anything else is an {@link OpenAiException#invalidRequest}. */
    public static ObjectNode parseObject(byte[] body) {
        if (body == null || body.length == 0) {
            throw OpenAiException.invalidRequest("The request body is empty; expected a JSON object.", null);
        }
        JsonNode tree;
        try {
            tree = REQUESTS.readTree(body);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null
                    ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr() + ")";
            throw OpenAiException.invalidRequest(
                    "The request body is not valid JSON" + where + ": " + firstClause(e.getOriginalMessage()) + ".",
                    null);
        } catch (IOException e) {
            throw OpenAiException.invalidRequest("The request body could not be read.", null);
        }
        if (tree == null || !tree.isObject()) {
            throw OpenAiException.invalidRequest("The request body must be a JSON object.", null);
        }
        return (ObjectNode) tree;
    }

    /**
     * Jackson's message without its parenthesised parts (source location, the feature or constraint to change), its
     * second line or what it quotes beyond a bound: the client learns what is wrong, not how the parser is set up.
     */
    private static String firstClause(String message) {
        String first = message == null ? "" : message.lines().findFirst().orElse("");
        int parenthesis = first.indexOf(" (");
        String clause = parenthesis > 0 ? first.substring(0, parenthesis) : first;
        return clause.length() > MOST_DETAIL ? clause.substring(0, MOST_DETAIL) + "..." : clause;
    }

    /** Parses an upstream body leniently: {@code null} when it is not a JSON object. */
    public static ObjectNode tryParseObject(byte[] body) {
        try {
            JsonNode tree = MAPPER.readTree(body);
            return tree != null && tree.isObject() ? (ObjectNode) tree : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** Parses an upstream answer that must be a JSON object; a 502 when it is not. */
    public static ObjectNode upstreamObject(byte[] body) {
        ObjectNode object = tryParseObject(body);
        if (object == null) {
            throw new OpenAiException(
                    502,
                    "upstream_error",
                    "upstream_invalid_response",
                    null,
                    "The upstream's answer is not a JSON object.");
        }
        return object;
    }

    public static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    public static ObjectNode newObject() {
        return MAPPER.createObjectNode();
    }
}
