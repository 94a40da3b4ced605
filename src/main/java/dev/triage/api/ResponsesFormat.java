package dev.triage.api;

import jakarta.ws.rs.core.MediaType;

import dev.triage.dispatch.Dispatched;
import dev.triage.responses.ResponseEvents;
import dev.triage.responses.ResponsesReply;
import dev.triage.responses.ResponsesRequest;
import dev.triage.responses.ResponsesStream;
import io.smallrye.mutiny.Multi;
import io.vertx.core.buffer.Buffer;

/**
 * Responses API answers to one request: the response object, or its typed events; translated from Chat Completions,
 * or as the upstream wrote them when the request went to it as it was.
 */
record ResponsesFormat(ResponsesRequest request) implements AnswerFormat {

    @Override
    public Buffer body(Dispatched.Complete complete) {
        return Buffer.buffer(complete.passedThrough() ? complete.body() : ResponsesReply.of(request, complete.body()));
    }

    @Override
    public String contentType(Dispatched.Complete complete) {
        return MediaType.APPLICATION_JSON;
    }

    @Override
    public Multi<Buffer> stream(Dispatched.Streaming streaming) {
        return NamedEventFrames.frame(
                streaming.events(),
                streaming.passedThrough() ? ResponseEvents.passedThrough() : new ResponsesStream(request));
    }
}
