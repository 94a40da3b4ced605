package dev.triage.anthropic;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.triage.openai.NamedEvent;
import dev.triage.openai.OpenAiJson;
import dev.triage.openai.StreamTranslation;

/**
 * An Anthropic stream that Anthropic wrote, forwarded as it is: each event under the name its {@code type} gives. A
 * stream that ends before {@code message_stop}, or breaks off, ends with an {@code error} event, so that the client
 * knows its answer is incomplete. One instance per stream.
 */
public final class MessagesPassThrough implements StreamTranslation {

    private boolean stopped;

    @Override
    public List<NamedEvent> onChunk(String data) {
        ObjectNode event = OpenAiJson.tryParseObject(data.getBytes(StandardCharsets.UTF_8));
        if (event == null || !event.path("type").isTextual()) {
            return List.of();
        }
        stopped |= "message_stop".equals(event.get("type").asText())
                || "error".equals(event.get("type").asText());
        return List.of(NamedEvent.of(event));
    }

    @Override
    public List<NamedEvent> onEnd() {
        return stopped
                ? List.of()
                : List.of(NamedEvent.of(AnthropicError.of(
                        502, "The upstream closed the stream before it finished; the answer is incomplete.")));
    }

    @Override
    public List<NamedEvent> interrupted(String why) {
        return List.of(NamedEvent.of(AnthropicError.of(
                502, "The upstream stream broke off after it started (" + why + "); the answer is incomplete.")));
    }
}
