package dev.triage.api;

import dev.triage.dispatch.Dispatched;
import io.smallrye.mutiny.Multi;
import io.vertx.core.buffer.Buffer;

/**
 * How one inbound API writes a dispatched Chat Completions answer: the whole body and its content type, and the frames
 * of a stream. Chat Completions writes the upstream's own bytes; the Messages and Responses APIs translate them.
 */
interface AnswerFormat {

    AnswerFormat CHAT_COMPLETIONS = new AnswerFormat() {
        @Override
        public Buffer body(Dispatched.Complete complete) {
            return Buffer.buffer(complete.body());
        }

        @Override
        public String contentType(Dispatched.Complete complete) {
            return complete.contentType();
        }

        @Override
        public Multi<Buffer> stream(Dispatched.Streaming streaming) {
            return SseFrames.frame(streaming.events());
        }
    };

    Buffer body(Dispatched.Complete complete);

    String contentType(Dispatched.Complete complete);

    Multi<Buffer> stream(Dispatched.Streaming streaming);
}
