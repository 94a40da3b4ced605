package dev.triage.simulator;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.triage.openai.OpenAiJson;

/** The {@code chat.completion.chunk} and {@code text_completion} objects a simulated stream is made of. */
final class SimulatedChunks {

    private final String id;
    private final String object;
    private final String model;
    private final long created;

    SimulatedChunks(String id, String object, String model, long created) {
        this.id = id;
        this.object = object;
        this.model = model;
        this.created = created;
    }

    ObjectNode base() {
        ObjectNode chunk = OpenAiJson.newObject();
        chunk.put("id", id);
        chunk.put("object", object);
        chunk.put("created", created);
        chunk.put("model", model);
        chunk.put("system_fingerprint", "triage-simulator");
        return chunk;
    }

    /** Chat chunks: the role, one chunk per token, then the finish reason. */
    List<ObjectNode> chat(List<String> tokens, ObjectNode toolCall) {
        List<ObjectNode> chunks = new ArrayList<>();
        ObjectNode first = delta(chunks);
        first.put("role", "assistant");
        if (toolCall != null) {
            ObjectNode call = first.putArray("tool_calls").addObject();
            call.put("index", 0).put("id", toolCall.get("id").asText()).put("type", "function");
            call.putObject("function")
                    .put("name", toolCall.path("function").path("name").asText())
                    .put("arguments", "");
            delta(chunks)
                    .putArray("tool_calls")
                    .addObject()
                    .put("index", 0)
                    .putObject("function")
                    .put(
                            "arguments",
                            toolCall.path("function").path("arguments").asText());
        } else {
            first.put("content", "");
            tokens.forEach(token -> delta(chunks).put("content", token));
        }
        ObjectNode last = base();
        ObjectNode choice = last.putArray("choices").addObject();
        choice.put("index", 0).putObject("delta");
        choice.putNull("logprobs");
        choice.put("finish_reason", toolCall != null ? "tool_calls" : "stop");
        chunks.add(last);
        return chunks;
    }

    /** Legacy completion chunks: one per token, the last with its finish reason. */
    List<ObjectNode> text(List<String> tokens) {
        List<ObjectNode> chunks = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            ObjectNode chunk = base();
            ObjectNode choice = chunk.putArray("choices").addObject();
            choice.put("text", tokens.get(i)).put("index", 0).putNull("logprobs");
            if (i == tokens.size() - 1) {
                choice.put("finish_reason", "stop");
            } else {
                choice.putNull("finish_reason");
            }
            chunks.add(chunk);
        }
        return chunks;
    }

    /** The final usage chunk of {@code stream_options.include_usage}: no choices, only usage. */
    ObjectNode usage(ObjectNode usage) {
        ObjectNode chunk = base();
        chunk.putArray("choices");
        chunk.set("usage", usage);
        return chunk;
    }

    private ObjectNode delta(List<ObjectNode> chunks) {
        ObjectNode chunk = base();
        ObjectNode choice = chunk.putArray("choices").addObject();
        choice.put("index", 0);
        ObjectNode delta = choice.putObject("delta");
        choice.putNull("logprobs");
        choice.putNull("finish_reason");
        chunks.add(chunk);
        return delta;
    }
}
