package dev.triage.anthropic;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.triage.openai.NamedEvent;
import dev.triage.openai.OpenAiJson;
import dev.triage.openai.StreamTranslation;

/**
 * Turns one Chat Completions stream, chunk by chunk, into Anthropic's events: {@code message_start} at the first
 * chunk; a text block for text deltas and a {@code tool_use} block per tool call (its argument fragments as
 * {@code input_json_delta}), each opened with {@code content_block_start} and closed with {@code content_block_stop}
 * when the next begins; at the end {@code message_delta} with the stop reason and the usage, and
 * {@code message_stop}. A stream that ends without a finish reason ends with an {@code error} event instead: the
 * client holds an incomplete answer and must know. One instance per stream; not thread-safe (Mutiny delivers items
 * one at a time).
 */
public final class MessagesStream implements StreamTranslation {

    private static final String DONE = "[DONE]";

    private boolean started;
    private boolean finished;
    private int index = -1;
    private String openBlock;
    private int openToolCall = -1;
    private String model = "";
    private String id = "";
    private String finishReason;
    private JsonNode usage = OpenAiJson.newObject();

    @Override
    public List<NamedEvent> onChunk(String data) {
        if (finished) {
            return List.of();
        }
        if (DONE.equals(data.strip())) {
            return finish();
        }
        ObjectNode chunk = OpenAiJson.tryParseObject(data.getBytes(StandardCharsets.UTF_8));
        if (chunk == null) {
            return List.of();
        }
        List<NamedEvent> events = new ArrayList<>();
        if (chunk.has("error")) {
            finished = true;
            events.add(NamedEvent.of(AnthropicError.of(
                    502,
                    "The upstream failed mid-stream: "
                            + chunk.path("error").path("message").asText("unknown"))));
            return events;
        }
        model = chunk.path("model").asText(model);
        id = chunk.path("id").asText(id);
        start(events);
        if (chunk.get("usage") instanceof ObjectNode reported) {
            usage = reported;
        }
        JsonNode choice = chunk.path("choices").path(0);
        JsonNode delta = choice.path("delta");
        String text = delta.path("content").asText("");
        if (!text.isEmpty()) {
            if (!"text".equals(openBlock)) {
                open(events, OpenAiJson.newObject().put("type", "text").put("text", ""));
            }
            delta(events, OpenAiJson.newObject().put("type", "text_delta").put("text", text));
        }
        for (JsonNode call : delta.path("tool_calls")) {
            int callIndex = call.path("index").asInt(0);
            if (!"tool_use".equals(openBlock) || callIndex != openToolCall) {
                ObjectNode block = OpenAiJson.newObject()
                        .put("type", "tool_use")
                        .put("id", call.path("id").asText(""))
                        .put("name", call.path("function").path("name").asText(""));
                block.putObject("input");
                open(events, block);
                openToolCall = callIndex;
            }
            String arguments = call.path("function").path("arguments").asText("");
            if (!arguments.isEmpty()) {
                delta(
                        events,
                        OpenAiJson.newObject().put("type", "input_json_delta").put("partial_json", arguments));
            }
        }
        if (choice.path("finish_reason").isTextual()) {
            finishReason = choice.get("finish_reason").asText();
        }
        return events;
    }

    @Override
    public List<NamedEvent> onEnd() {
        if (finished) {
            return List.of();
        }
        if (finishReason != null) {
            return finish();
        }
        finished = true;
        return List.of(NamedEvent.of(AnthropicError.of(
                502, "The upstream closed the stream before it finished; the answer is incomplete.")));
    }

    @Override
    public List<NamedEvent> interrupted(String why) {
        finished = true;
        return List.of(NamedEvent.of(AnthropicError.of(
                502, "The upstream stream broke off after it started (" + why + "); the answer is incomplete.")));
    }

    private List<NamedEvent> finish() {
        List<NamedEvent> events = new ArrayList<>();
        start(events);
        close(events);
        ObjectNode messageDelta = OpenAiJson.newObject().put("type", "message_delta");
        messageDelta
                .putObject("delta")
                .put("stop_reason", StopReason.of(finishReason))
                .putNull("stop_sequence");
        messageDelta.set("usage", MessagesReply.usage(usage));
        events.add(NamedEvent.of(messageDelta));
        events.add(NamedEvent.of(OpenAiJson.newObject().put("type", "message_stop")));
        finished = true;
        return events;
    }

    private void start(List<NamedEvent> events) {
        if (started) {
            return;
        }
        started = true;
        ObjectNode start = OpenAiJson.newObject().put("type", "message_start");
        ObjectNode message = start.putObject("message");
        message.put("id", MessagesReply.messageId(id))
                .put("type", "message")
                .put("role", "assistant")
                .put("model", model);
        message.putArray("content");
        message.putNull("stop_reason").putNull("stop_sequence");
        message.putObject("usage").put("input_tokens", 0).put("output_tokens", 0);
        events.add(NamedEvent.of(start));
    }

    private void open(List<NamedEvent> events, ObjectNode block) {
        close(events);
        index++;
        openBlock = block.get("type").asText();
        ObjectNode start =
                OpenAiJson.newObject().put("type", "content_block_start").put("index", index);
        start.set("content_block", block);
        events.add(NamedEvent.of(start));
    }

    private void delta(List<NamedEvent> events, ObjectNode delta) {
        ObjectNode event =
                OpenAiJson.newObject().put("type", "content_block_delta").put("index", index);
        event.set("delta", delta);
        events.add(NamedEvent.of(event));
    }

    private void close(List<NamedEvent> events) {
        if (openBlock != null) {
            events.add(NamedEvent.of(
                    OpenAiJson.newObject().put("type", "content_block_stop").put("index", index)));
            openBlock = null;
            openToolCall = -1;
        }
    }
}
