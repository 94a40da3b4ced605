package dev.triage.api;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestMulti;

import dev.triage.dispatch.ChatDispatcher;
import dev.triage.openai.ChatCompletionRequest;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;

/** {@code POST /v1/chat/completions}, streamed or not; the body is read as bytes so unknown fields survive untouched. */
@Path("/v1/chat/completions")
public class ChatCompletionsResource {

    private final ChatDispatcher dispatcher;
    private final BodyLimit bodyLimit;

    ChatCompletionsResource(ChatDispatcher dispatcher, BodyLimit bodyLimit) {
        this.dispatcher = dispatcher;
        this.bodyLimit = bodyLimit;
    }

    @POST
    @Produces(MediaType.APPLICATION_OCTET_STREAM) // the real type is set per answer: JSON, or SSE for stream=true
    public RestMulti<Buffer> create(
            byte[] body, @HeaderParam(TriageHeaders.REQUEST_ID) String requestId, RoutingContext context) {
        return Replies.of(dispatcher.chat(
                ChatCompletionRequest.parse(bodyLimit.check(body)), requestId, AccessCheck.callerOf(context)));
    }
}
