package dev.triage.anthropic;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.triage.openai.OpenAiJson;

/** One server-sent event of Anthropic's stream: its name, and its data whose {@code type} is the same name. */
public record AnthropicEvent(String type, ObjectNode data) {

    static AnthropicEvent of(ObjectNode data) {
        return new AnthropicEvent(data.get("type").asText(), data);
    }

    /** The event as it goes on the wire: {@code event:} and {@code data:} lines, then a blank line. */
    public byte[] frame() {
        return ("event: " + type + "\ndata: " + new String(OpenAiJson.write(data), StandardCharsets.UTF_8) + "\n\n")
                .getBytes(StandardCharsets.UTF_8);
    }
}
