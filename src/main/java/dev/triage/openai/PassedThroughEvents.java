package dev.triage.openai;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A stream of named events that the upstream wrote in the client's own API, forwarded as it is: each event under the
 * name its {@code type} gives. A stream that ends before one of its final events, or breaks off, ends with the API's
 * error event (numbered after the last event when the API numbers them), so that the client knows its answer is
 * incomplete. One instance per stream.
 */
public final class PassedThroughEvents implements StreamTranslation {

    private final Set<String> finalTypes;
    private final Function<String, ObjectNode> errorEvent;
    private boolean finished;
    private long lastSequence = -1;

    public PassedThroughEvents(Set<String> finalTypes, Function<String, ObjectNode> errorEvent) {
        this.finalTypes = finalTypes;
        this.errorEvent = errorEvent;
    }

    @Override
    public List<NamedEvent> onChunk(String data) {
        ObjectNode event = OpenAiJson.tryParseObject(data.getBytes(StandardCharsets.UTF_8));
        if (event == null || !event.path("type").isTextual()) {
            return List.of();
        }
        finished |= finalTypes.contains(event.get("type").asText());
        lastSequence = event.path("sequence_number").asLong(lastSequence);
        return List.of(NamedEvent.of(event));
    }

    @Override
    public List<NamedEvent> onEnd() {
        return finished ? List.of() : error("The upstream closed the stream before it finished");
    }

    @Override
    public List<NamedEvent> interrupted(String why) {
        return error("The upstream stream broke off after it started (" + why + ")");
    }

    private List<NamedEvent> error(String what) {
        finished = true;
        ObjectNode event = errorEvent.apply(what + "; the answer is incomplete.");
        if (lastSequence >= 0) {
            event.put("sequence_number", lastSequence + 1);
        }
        return List.of(NamedEvent.of(event));
    }
}
