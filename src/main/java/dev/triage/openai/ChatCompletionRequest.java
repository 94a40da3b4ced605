package dev.triage.openai;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A {@code POST /v1/chat/completions} body. The gateway reads only the fields it interprets ({@code model},
 * {@code messages}, {@code stream}, {@code stream_options}); the upstream receives the client's own bytes, only the
 * model name swapped.
 */
public record ChatCompletionRequest(ObjectNode json, RawBody raw) implements UpstreamRequest {

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

    /** The texts the prompt's tokens are spent on, one per message, for an estimate when no usage arrives. */
    public List<String> promptTexts() {
        List<String> texts = new ArrayList<>();
        messages().forEach(message -> texts.add(MessageText.of(message.get("content"))));
        if (json.has("tools")) {
            texts.add(json.get("tools").toString());
        }
        return texts;
    }

    /** The most output tokens the client allows ({@code max_completion_tokens}, else {@code max_tokens}), if any. */
    public OptionalLong maxOutputTokens() {
        JsonNode limit = json.has("max_completion_tokens") ? json.get("max_completion_tokens") : json.get("max_tokens");
        return limit != null && limit.canConvertToLong() ? OptionalLong.of(limit.asLong()) : OptionalLong.empty();
    }

    /** Whether the gateway asks the upstream for a usage chunk the client did not ask for (kept from the client). */
    public boolean gatewayAsksUsage() {
        return StreamUsage.gatewayAsks(json);
    }

    /**
     * The body for the upstream: the client's bytes with {@code model} replaced by the upstream's model id, and a
     * stream always asking for its usage.
     */
    public byte[] forUpstream(String upstreamModel) {
        return StreamUsage.forUpstream(json, raw, upstreamModel);
    }
}
