package dev.triage.openai;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A body the gateway passes through to the provider of its {@code model} ({@code /v1/embeddings},
 * {@code /v1/completions}): only {@code model} (and {@code stream}, for completions) is read, the rest is forwarded as sent.
 */
public record ModelRequest(ObjectNode json, RawBody raw) {

    public static ModelRequest parse(byte[] body) {
        ObjectNode json = OpenAiJson.parseObject(body);
        RequestChecks.requireString(json, "model");
        RequestChecks.optionalBoolean(json, "stream");
        return new ModelRequest(json, RawBody.of(body));
    }

    public String model() {
        return json.get("model").asText();
    }

    public boolean stream() {
        return json.path("stream").asBoolean(false);
    }

    public byte[] withModel(String upstreamModel) {
        return raw.withModel(upstreamModel);
    }
}
