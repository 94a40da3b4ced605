package dev.triage.openai;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Every stream is metered: the upstream is always asked for its final usage chunk ({@code stream_options.include_usage}),
 * whatever the client asked. When the client did not ask for it, the gateway keeps that chunk from the client.
 */
final class StreamUsage {

    private StreamUsage() {}

    /** Whether the gateway asks for a usage chunk the client did not ask for. */
    static boolean gatewayAsks(ObjectNode json) {
        return json.path("stream").asBoolean(false)
                && !json.path("stream_options").path("include_usage").asBoolean(false);
    }

    /** The client's bytes with {@code model} swapped and, when the gateway asks for usage, the option set. */
    static byte[] forUpstream(ObjectNode json, RawBody raw, String upstreamModel) {
        if (!gatewayAsks(json)) {
            return raw.withModel(upstreamModel);
        }
        ObjectNode options =
                json.get("stream_options") instanceof ObjectNode asked ? asked.deepCopy() : OpenAiJson.newObject();
        options.put("include_usage", true);
        return raw.withModel(upstreamModel, new String(OpenAiJson.write(options), StandardCharsets.UTF_8));
    }
}
