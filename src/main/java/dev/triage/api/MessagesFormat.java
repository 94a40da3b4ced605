package dev.triage.api;

import jakarta.ws.rs.core.MediaType;

import dev.triage.anthropic.AnthropicError;
import dev.triage.anthropic.MessagesReply;
import dev.triage.anthropic.MessagesStream;
import dev.triage.dispatch.Dispatched;
import io.smallrye.mutiny.Multi;
import io.vertx.core.buffer.Buffer;

/**
 * Anthropic's Messages API answers: the message JSON, or its named events, each frame as soon as its chunk arrives;
 * translated from Chat Completions, or as Anthropic wrote them when the request went to it as it was.
 */
final class MessagesFormat implements AnswerFormat {

    static final MessagesFormat INSTANCE = new MessagesFormat();

    @Override
    public Buffer body(Dispatched.Complete complete) {
        return Buffer.buffer(complete.passedThrough() ? complete.body() : MessagesReply.of(complete.body()));
    }

    @Override
    public String contentType(Dispatched.Complete complete) {
        return MediaType.APPLICATION_JSON;
    }

    @Override
    public Multi<Buffer> stream(Dispatched.Streaming streaming) {
        return NamedEventFrames.frame(
                streaming.events(), streaming.passedThrough() ? AnthropicError.passedThrough() : new MessagesStream());
    }
}
