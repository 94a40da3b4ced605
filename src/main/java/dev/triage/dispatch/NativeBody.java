package dev.triage.dispatch;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.triage.openai.OpenAiJson;
import dev.triage.providers.Endpoint;

/**
 * A request as the client wrote it in an API other than Chat Completions. A model whose provider speaks that API gets
 * it as it is (only the model swapped) and its answer goes back as it came; any other model gets the Chat Completions
 * translation.
 */
public final class NativeBody {

    private final Endpoint endpoint;
    private final ObjectNode json;

    private NativeBody(Endpoint endpoint, ObjectNode json) {
        this.endpoint = endpoint;
        this.json = json;
    }

    /** A {@code POST /v1/messages} body. */
    public static NativeBody anthropicMessages(ObjectNode json) {
        return new NativeBody(Endpoint.MESSAGES, json);
    }

    /** A {@code POST /v1/responses} body. */
    public static NativeBody openAiResponses(ObjectNode json) {
        return new NativeBody(Endpoint.RESPONSES, json);
    }

    Endpoint endpoint() {
        return endpoint;
    }

    byte[] forUpstream(String upstreamModel) {
        ObjectNode copy = json.deepCopy();
        copy.put("model", upstreamModel);
        return OpenAiJson.write(copy);
    }
}
