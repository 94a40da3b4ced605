package dev.triage.openai;

import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A {@code POST /v1/chat/completions} body. The gateway reads only the fields it interprets ({@code model},
 * {@code messages}, {@code stream}, {@code stream_options}); the upstream receives the client's own bytes, only the
 * model name swapped.
 */
public record ChatCompletionRequest(ObjectNode json, RawBody raw) {

    private static final Set<String> ROLES = Set.of("system", "developer", "user", "assistant", "tool", "function");

    /** Parses and checks the fields the gateway relies on; the upstream judges the rest. */
    public static ChatCompletionRequest parse(byte[] body) {
        ObjectNode json = OpenAiJson.parseObject(body);
        RequestChecks.requireString(json, "model");
        checkMessages(json.get("messages"));
        RequestChecks.optionalBoolean(json, "stream");
        RequestChecks.optionalObject(json, "stream_options");
        if (json.get("stream_options") instanceof ObjectNode options) {
            RequestChecks.optionalBoolean(options, "include_usage", "stream_options.include_usage");
        }
        RequestChecks.optionalNumberInRange(json, "temperature", 0, 2);
        RequestChecks.optionalNumberInRange(json, "top_p", 0, 1);
        RequestChecks.optionalPositiveInt(json, "n");
        RequestChecks.optionalPositiveInt(json, "max_tokens");
        RequestChecks.optionalPositiveInt(json, "max_completion_tokens");
        return new ChatCompletionRequest(json, RawBody.of(body));
    }

    private static void checkMessages(JsonNode messages) {
        if (messages == null || messages.isNull()) {
            throw OpenAiException.invalidRequest("Missing required parameter: 'messages'.", "messages");
        }
        if (!messages.isArray() || messages.isEmpty()) {
            throw OpenAiException.invalidRequest("'messages' must be a non-empty array.", "messages");
        }
        for (int i = 0; i < messages.size(); i++) {
            JsonNode message = messages.get(i);
            String param = "messages[" + i + "]";
            if (!message.isObject()) {
                throw OpenAiException.invalidRequest("Each message must be an object; " + param + " is not.", param);
            }
            JsonNode role = message.get("role");
            if (role == null || !role.isTextual() || !ROLES.contains(role.asText())) {
                throw OpenAiException.invalidRequest(
                        "Invalid value for '" + param + ".role': expected one of "
                                + String.join(", ", ROLES.stream().sorted().toList()) + ".",
                        param + ".role");
            }
            JsonNode content = message.get("content");
            if (content != null && !(content.isNull() || content.isTextual() || content.isArray())) {
                throw OpenAiException.invalidRequest(
                        "Invalid type for '" + param + ".content': expected a string, "
                                + "an array of content parts or null.",
                        param + ".content");
            }
        }
    }

    public String model() {
        return json.get("model").asText();
    }

    public boolean stream() {
        return json.path("stream").asBoolean(false);
    }

    public ArrayNode messages() {
        return (ArrayNode) json.get("messages");
    }

    /**
     * The text of the last user message (text parts joined by a newline), or an empty string when there is none. This
     * is what a router reads: the newest ask decides how hard the turn is.
     */
    public String lastUserText() {
        ArrayNode messages = messages();
        for (int i = messages.size() - 1; i >= 0; i--) {
            JsonNode message = messages.get(i);
            if ("user".equals(message.path("role").asText())) {
                return MessageText.of(message.get("content"));
            }
        }
        return "";
    }

    /**
     * Whether the gateway asks the upstream for the final usage chunk of a stream the client did not ask it for (no
     * {@code stream_options}), so that the stream can be metered; that chunk is then kept from the client.
     */
    public boolean gatewayAsksUsage() {
        return stream() && !json.has("stream_options");
    }

    /**
     * The body for the upstream: the client's bytes with {@code model} replaced by the upstream's model id, plus
     * {@code stream_options.include_usage} when {@link #gatewayAsksUsage()}.
     */
    public byte[] forUpstream(String upstreamModel) {
        return gatewayAsksUsage()
                ? raw.withModel(upstreamModel, "\"stream_options\":{\"include_usage\":true}")
                : raw.withModel(upstreamModel);
    }
}
