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
        return RestMulti.fromUniResponse(
                dispatched, Replies::body, reply -> TriageHeaders.of(reply, contentType(reply)), reply -> 200);
    }

    private static Multi<Buffer> body(Dispatched dispatched) {
        return switch (dispatched) {
            case Dispatched.Complete complete -> Multi.createFrom().item(Buffer.buffer(complete.body()));
            case Dispatched.Streaming streaming -> SseFrames.frame(streaming.events());
        };
    }

    private static String contentType(Dispatched dispatched) {
        return switch (dispatched) {
            case Dispatched.Complete complete -> complete.contentType();
            case Dispatched.Streaming streaming -> SseFrames.CONTENT_TYPE;
        };
    }
}
