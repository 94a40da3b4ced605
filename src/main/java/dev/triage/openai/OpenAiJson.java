package dev.triage.openai;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonProcessingException;
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

    private OpenAiJson() {}

    /** Parses a request body that must be one JSON object; anything else is an {@link OpenAiException#invalidRequest}. */
    public static ObjectNode parseObject(byte[] body) {
        if (body == null || body.length == 0) {
            throw OpenAiException.invalidRequest("The request body is empty; expected a JSON object.", null);
        }
        JsonNode tree;
        try {
            tree = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw OpenAiException.invalidRequest(
                    "The request body is not valid JSON (line "
                            + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr() + "): " + firstClause(e.getOriginalMessage()) + ".",
                    null);
        } catch (IOException e) {
            throw OpenAiException.invalidRequest("The request body could not be read.", null);
        }
        if (tree == null || !tree.isObject()) {
            throw OpenAiException.invalidRequest("The request body must be a JSON object.", null);
        }
        return (ObjectNode) tree;
    }

    /** Jackson's message without its parenthesised source location and its second line. */
    private static String firstClause(String message) {
        String first = message.lines().findFirst().orElse("");
        int location = first.indexOf(" (for ");
        return location > 0 ? first.substring(0, location) : first;
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
