package dev.triage.openai;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes the {@code chat.completion.chunk}s a translated upstream stream becomes, all of one completion: deltas of the
 * first choice (the first one also saying the role), the usage-only chunk that {@code include_usage} asks for, an
 * error chunk, and the closing {@code [DONE]}. One per stream.
 */
public final class ChatChunks {

    public static final String DONE = "[DONE]";

    private final long created = Instant.now().getEpochSecond();
    private String id = "chatcmpl-";
    private String model = "";
    private boolean started;

    /** The completion's id and model, once the upstream has said them. */
    public void identify(String id, String model) {
        this.id = id;
        this.model = model;
    }

    /** Whether a delta went out: from then on the client holds part of the answer. */
    public boolean started() {
        return started;
    }

    /** A chunk carrying {@code delta} for choice 0, with {@code finishReason} or {@code null}. */
    public String delta(ObjectNode delta, String finishReason) {
        ObjectNode chunk = head();
        ObjectNode choice = chunk.putArray("choices").addObject().put("index", 0);
        if (!started) {
            started = true;
            choice.putObject("delta").put("role", "assistant").setAll(delta);
        } else {
            choice.set("delta", delta);
        }
        if (finishReason == null) {
            choice.putNull("finish_reason");
        } else {
            choice.put("finish_reason", finishReason);
        }
        return text(chunk);
    }

    /** The chunk with no choices and the stream's usage. */
    public String usage(long promptTokens, long completionTokens) {
        ObjectNode chunk = head();
        chunk.putArray("choices");
        chunk.set("usage", ChatUsage.of(promptTokens, completionTokens));
        return text(chunk);
    }

    /** An upstream's failure in the middle of the stream, as an {@code error} object the way OpenAI streams one. */
    public static String error(String message, String type) {
        ObjectNode failure = OpenAiJson.newObject();
        failure.putObject("error").put("message", message).put("type", type);
        return text(failure);
    }

    private ObjectNode head() {
        return OpenAiJson.newObject()
                .put("id", id)
                .put("object", "chat.completion.chunk")
                .put("created", created)
                .put("model", model);
    }

    private static String text(ObjectNode json) {
        return new String(OpenAiJson.write(json), StandardCharsets.UTF_8);
    }
}
