package dev.triage.api;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestMulti;

import dev.triage.dispatch.ChatDispatcher;
import dev.triage.openai.ModelRequest;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;

/** Endpoints forwarded unchanged to the provider of the named model. */
@Path("/v1")
public class PassThroughResource {

    private final ChatDispatcher dispatcher;
    private final BodyLimit bodyLimit;

    PassThroughResource(ChatDispatcher dispatcher, BodyLimit bodyLimit) {
        this.dispatcher = dispatcher;
        this.bodyLimit = bodyLimit;
    }

    @POST
    @Path("embeddings")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    public RestMulti<Buffer> embeddings(
            byte[] body, @HeaderParam(TriageHeaders.REQUEST_ID) String requestId, RoutingContext context) {
        return Replies.of(dispatcher.embeddings(
                ModelRequest.parse(bodyLimit.check(body)), requestId, AccessCheck.callerOf(context)));
    }

    @POST
    @Path("completions")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    public RestMulti<Buffer> completions(
            byte[] body, @HeaderParam(TriageHeaders.REQUEST_ID) String requestId, RoutingContext context) {
        return Replies.of(dispatcher.completions(
                ModelRequest.parse(bodyLimit.check(body)), requestId, AccessCheck.callerOf(context)));
    }
}
