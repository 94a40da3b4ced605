package dev.triage.openai;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One named server-sent event, as the Responses API and Anthropic's Messages API stream them: its name, and its data
 * whose {@code type} is the same name.
 */
public record NamedEvent(String type, ObjectNode data) {

    public static NamedEvent of(ObjectNode data) {
        return new NamedEvent(data.get("type").asText(), data);
    }

    /** The event as it goes on the wire: {@code event:} and {@code data:} lines, then a blank line. */
    public byte[] frame() {
        return ("event: " + type + "\ndata: " + new String(OpenAiJson.write(data), StandardCharsets.UTF_8) + "\n\n")
                .getBytes(StandardCharsets.UTF_8);
    }
}
