package dev.triage.api;

import jakarta.ws.rs.core.MediaType;

import dev.triage.dispatch.Dispatched;
import dev.triage.responses.ResponsesReply;
import dev.triage.responses.ResponsesRequest;
import dev.triage.responses.ResponsesStream;
import io.smallrye.mutiny.Multi;
import io.vertx.core.buffer.Buffer;

/** Responses API answers to one request: the response object, or its typed events. */
record ResponsesFormat(ResponsesRequest request) implements AnswerFormat {

    @Override
    public Buffer body(Dispatched.Complete complete) {
        return Buffer.buffer(ResponsesReply.of(request, complete.body()));
    }

    @Override
    public String contentType(Dispatched.Complete complete) {
        return MediaType.APPLICATION_JSON;
    }

    @Override
    public Multi<Buffer> stream(Dispatched.Streaming streaming) {
        return NamedEventFrames.frame(streaming.events(), new ResponsesStream(request));
    }
}
