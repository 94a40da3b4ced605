package dev.triage.responses;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.triage.openai.OpenAiJson;
import dev.triage.openai.PassedThroughEvents;
import dev.triage.openai.StreamTranslation;
import dev.triage.openai.Usage;

/** The events of a Responses stream that an upstream speaking the Responses API wrote. */
public final class ResponseEvents {

    private static final Set<String> FINAL = Set.of("response.completed", "response.incomplete", "response.failed");

    private ResponseEvents() {}

    /** The usage a final event's response reports; {@link Usage#UNKNOWN} for every other event. */
    public static Usage usage(String data) {
        if (!data.contains("\"usage\"")) {
            return Usage.UNKNOWN;
        }
        ObjectNode event = OpenAiJson.tryParseObject(data.getBytes(StandardCharsets.UTF_8));
        return event != null
                        && FINAL.contains(event.path("type").asText())
                        && event.get("response") instanceof ObjectNode response
                ? Usage.of(response)
                : Usage.UNKNOWN;
    }

    /** Forwards the stream as it came, ending an incomplete one with an {@code error} event. */
    public static StreamTranslation passedThrough() {
        return new PassedThroughEvents(
                Set.of("response.completed", "response.incomplete", "response.failed", "error"),
                message -> OpenAiJson.newObject()
                        .put("type", "error")
                        .put("code", "upstream_stream_incomplete")
                        .put("message", message)
                        .putNull("param"));
    }
}
