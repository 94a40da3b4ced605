package dev.triage.api;

import org.jboss.resteasy.reactive.RestMulti;

import dev.triage.dispatch.Dispatched;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;

/**
 * Turns a dispatched request into the HTTP answer: status, content type and gateway headers are written only once the
 * upstream has answered, so an upstream failure before that still reaches the client as a proper error status.
 */
final class Replies {

    private Replies() {}

    static RestMulti<Buffer> of(Uni<Dispatched> dispatched) {
        return of(dispatched, AnswerFormat.CHAT_COMPLETIONS);
    }

    static RestMulti<Buffer> of(Uni<Dispatched> dispatched, AnswerFormat format) {
        // the body is made before the headers are sent, so that a translation failure is still a proper error status
        Uni<Answer> answers = dispatched.map(reply -> switch (reply) {
            case Dispatched.Complete complete ->
                new Answer(reply, Multi.createFrom().item(format.body(complete)), format.contentType(complete));
            case Dispatched.Streaming streaming -> new Answer(reply, format.stream(streaming), SseFrames.CONTENT_TYPE);
        });
        return RestMulti.fromUniResponse(
                answers, Answer::body, answer -> TriageHeaders.of(answer.reply(), answer.contentType()), answer -> 200);
    }

    private record Answer(Dispatched reply, Multi<Buffer> body, String contentType) {}
}
