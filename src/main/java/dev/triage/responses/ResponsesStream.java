package dev.triage.responses;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.triage.openai.NamedEvent;
import dev.triage.openai.OpenAiJson;
import dev.triage.openai.StreamTranslation;

/**
 * Turns one Chat Completions stream, chunk by chunk, into the Responses API's typed events, numbered by
 * {@code sequence_number}: {@code response.created} and {@code response.in_progress} at the first chunk; per text run
 * a message item ({@code output_item.added}, {@code content_part.added}, {@code output_text.delta}s, then the
 * {@code .done} events); per tool call a function-call item with its {@code function_call_arguments.delta}s; at the
 * end {@code response.completed} (or {@code response.incomplete}) with the whole response and its usage. A stream that
 * ends without a finish reason ends with {@code error} and {@code response.failed} instead. One instance per stream;
 * Mutiny delivers its items one at a time.
 */
public final class ResponsesStream implements StreamTranslation {

    private static final String DONE = "[DONE]";

    private final ResponsesRequest request;
    private final List<ObjectNode> items = new ArrayList<>();
    private ObjectNode response;
    private int sequence;
    private boolean finished;
    private String chatId = "";
    private Open open;
    private String finishReason;
    private JsonNode usage = OpenAiJson.newObject();

    /** The output item being streamed: a message's text, or one tool call (by its index among the chunk's calls). */
    private record Open(ObjectNode item, int toolIndex, StringBuilder content) {

        boolean isText() {
            return "message".equals(item.get("type").asText());
        }
    }

    public ResponsesStream(ResponsesRequest request) {
        this.request = request;
    }

    @Override
    public List<NamedEvent> onChunk(String data) {
        if (finished) {
            return List.of();
        }
        List<NamedEvent> events = new ArrayList<>();
        if (DONE.equals(data.strip())) {
            finish(events);
            return events;
        }
        ObjectNode chunk = OpenAiJson.tryParseObject(data.getBytes(StandardCharsets.UTF_8));
        if (chunk == null) {
            return events;
        }
        if (chunk.has("error")) {
            fail(
                    events,
                    "upstream_error",
                    "The upstream failed mid-stream: "
                            + chunk.path("error").path("message").asText("unknown"));
            return events;
        }
        start(events, chunk);
        if (chunk.get("usage") instanceof ObjectNode reported) {
            usage = reported;
        }
        JsonNode choice = chunk.path("choices").path(0);
        JsonNode delta = choice.path("delta");
        String text = delta.path("content").asText("");
        if (!text.isEmpty()) {
            if (open == null || !open.isText()) {
                openItem(
                        events,
                        new Open(ResponseObject.messageItem(chatId, null, "in_progress"), -1, new StringBuilder()));
                emit(
                        events,
                        at(OpenAiJson.newObject().put("type", "response.content_part.added"))
                                .put("content_index", 0)
                                .set("part", ResponseObject.textPart("")));
            }
            open.content().append(text);
            ObjectNode event = at(OpenAiJson.newObject().put("type", "response.output_text.delta"))
                    .put("content_index", 0)
                    .put("delta", text);
            event.putArray("logprobs");
            emit(events, event);
        }
        for (JsonNode call : delta.path("tool_calls")) {
            int index = call.path("index").asInt(0);
            if (open == null || open.isText() || open.toolIndex() != index) {
                openItem(
                        events,
                        new Open(
                                ResponseObject.functionCallItem(
                                        call.path("id").asText(""),
                                        call.path("function").path("name").asText(""),
                                        "",
                                        "in_progress"),
                                index,
                                new StringBuilder()));
            }
            String arguments = call.path("function").path("arguments").asText("");
            if (!arguments.isEmpty()) {
                open.content().append(arguments);
                emit(
                        events,
                        at(OpenAiJson.newObject().put("type", "response.function_call_arguments.delta"))
                                .put("delta", arguments));
            }
        }
        if (choice.path("finish_reason").isTextual()) {
            finishReason = choice.get("finish_reason").asText();
        }
        return events;
    }

    @Override
    public List<NamedEvent> onEnd() {
        List<NamedEvent> events = new ArrayList<>();
        if (finished) {
            return events;
        }
        if (finishReason != null) {
            finish(events);
        } else {
            fail(
                    events,
                    "upstream_stream_truncated",
                    "The upstream closed the stream before it finished; the answer is incomplete.");
        }
        return events;
    }

    @Override
    public List<NamedEvent> interrupted(String why) {
        List<NamedEvent> events = new ArrayList<>();
        fail(
                events,
                "upstream_stream_failed",
                "The upstream stream broke off after it started (" + why + "); the answer is incomplete.");
        return events;
    }

    private void start(List<NamedEvent> events, ObjectNode chunk) {
        if (response != null) {
            return;
        }
        chatId = chunk.path("id").asText("");
        response = ResponseObject.of(
                request,
                chatId,
                chunk.path("created").asLong(0),
                chunk.path("model").asText(""),
                "in_progress");
        emit(events, OpenAiJson.newObject().put("type", "response.created").set("response", response.deepCopy()));
        emit(events, OpenAiJson.newObject().put("type", "response.in_progress").set("response", response.deepCopy()));
    }

    private void openItem(List<NamedEvent> events, Open item) {
        close(events);
        open = item;
        emit(
                events,
                OpenAiJson.newObject()
                        .put("type", "response.output_item.added")
                        .put("output_index", items.size())
                        .set("item", item.item().deepCopy()));
    }

    private void close(List<NamedEvent> events) {
        if (open == null) {
            return;
        }
        String content = open.content().toString();
        ObjectNode item = open.item();
        if (open.isText()) {
            ObjectNode done = at(OpenAiJson.newObject().put("type", "response.output_text.done"))
                    .put("content_index", 0)
                    .put("text", content);
            done.putArray("logprobs");
            emit(events, done);
            emit(
                    events,
                    at(OpenAiJson.newObject().put("type", "response.content_part.done"))
                            .put("content_index", 0)
                            .set("part", ResponseObject.textPart(content)));
            ((ArrayNode) item.get("content")).add(ResponseObject.textPart(content));
        } else {
            emit(
                    events,
                    at(OpenAiJson.newObject().put("type", "response.function_call_arguments.done"))
                            .put("name", item.get("name").asText())
                            .put("arguments", content));
            item.put("arguments", content);
        }
        item.put("status", "completed");
        emit(
                events,
                OpenAiJson.newObject()
                        .put("type", "response.output_item.done")
                        .put("output_index", items.size())
                        .set("item", item.deepCopy()));
        items.add(item);
        open = null;
    }

    private void finish(List<NamedEvent> events) {
        ensureStarted(events);
        close(events);
        ResponseObject.finish(response, finishReason);
        response.set("output", OpenAiJson.newObject().arrayNode().addAll(items));
        response.set("usage", ResponseObject.usage(usage));
        String type =
                "completed".equals(response.get("status").asText()) ? "response.completed" : "response.incomplete";
        emit(events, OpenAiJson.newObject().put("type", type).set("response", response.deepCopy()));
        finished = true;
    }

    private void fail(List<NamedEvent> events, String code, String message) {
        ensureStarted(events);
        emit(
                events,
                OpenAiJson.newObject()
                        .put("type", "error")
                        .put("code", code)
                        .put("message", message)
                        .putNull("param"));
        response.put("status", "failed");
        response.putObject("error").put("code", "server_error").put("message", message);
        response.set("output", OpenAiJson.newObject().arrayNode().addAll(items));
        emit(events, OpenAiJson.newObject().put("type", "response.failed").set("response", response.deepCopy()));
        finished = true;
    }

    private void ensureStarted(List<NamedEvent> events) {
        start(events, OpenAiJson.newObject());
    }

    /** An event about the open item: its id and place in the output. */
    private ObjectNode at(ObjectNode event) {
        return event.put("item_id", open.item().get("id").asText()).put("output_index", items.size());
    }

    private void emit(List<NamedEvent> events, ObjectNode data) {
        data.put("sequence_number", sequence++);
        events.add(NamedEvent.of(data));
    }
}
