package dev.triage.openai;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A body the gateway passes through to the provider of its {@code model} ({@code /v1/embeddings},
 * {@code /v1/completions}): only {@code model} (and {@code stream}, for completions) is read, the rest is forwarded as sent.
 */
public record ModelRequest(ObjectNode json, RawBody raw) implements UpstreamRequest {

    public static ModelRequest parse(byte[] body) {
        ObjectNode json = OpenAiJson.parseObject(body);
        RequestChecks.requireString(json, "model");
        RequestChecks.optionalBoolean(json, "stream");
        RequestChecks.optionalPositiveInt(json, "max_tokens");
        RequestChecks.optionalObject(json, "stream_options");
        if (json.get("stream_options") instanceof ObjectNode options) {
            RequestChecks.optionalBoolean(options, "include_usage", "stream_options.include_usage");
        }
        return new ModelRequest(json, RawBody.of(body));
    }

    public String model() {
        return json.get("model").asText();
    }

    public boolean stream() {
        return json.path("stream").asBoolean(false);
    }

    /** The texts of {@code prompt} (a legacy completion) or {@code input} (embeddings), for an estimate. */
    public List<String> promptTexts() {
        JsonNode prompt = json.has("prompt") ? json.get("prompt") : json.path("input");
        List<String> texts = new ArrayList<>();
        if (prompt.isTextual()) {
            texts.add(prompt.asText());
        }
        prompt.forEach(part -> {
            if (part.isTextual()) {
                texts.add(part.asText());
            }
        });
        return texts;
    }

    /** The most output tokens: {@code max_tokens} of a legacy completion; none for embeddings (they have no output). */
    public OptionalLong maxOutputTokens() {
        JsonNode limit = json.get("max_tokens");
        if (!json.has("prompt")) {
            return OptionalLong.of(0);
        }
        return limit != null && limit.canConvertToLong() ? OptionalLong.of(limit.asLong()) : OptionalLong.empty();
    }

    /** Whether the gateway asks the upstream for a usage chunk the client did not ask for (kept from the client). */
    public boolean gatewayAsksUsage() {
        return StreamUsage.gatewayAsks(json);
    }

    /** The client's bytes with {@code model} swapped, and a stream always asking for its usage. */
    public byte[] forUpstream(String upstreamModel) {
        return StreamUsage.forUpstream(json, raw, upstreamModel);
    }
}
