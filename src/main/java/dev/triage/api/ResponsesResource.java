package dev.triage.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestMulti;

import dev.triage.dispatch.ChatDispatcher;
import dev.triage.dispatch.NativeBody;
import dev.triage.openai.ClientText;
import dev.triage.openai.OpenAiException;
import dev.triage.responses.ResponsesRequest;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;

/**
 * OpenAI's Responses API, {@code POST /v1/responses} (streamed or not), routed on its Chat Completions translation so
 * that the same routes, models, fallbacks, metering and headers apply; sent as written to a provider that speaks the
 * Responses API, translated for any other. Stateless: responses are not stored, so retrieving one
 * is a 404 that says why.
 */
@Path("/v1/responses")
public class ResponsesResource {

    private final ChatDispatcher dispatcher;
    private final BodyLimit bodyLimit;

    ResponsesResource(ChatDispatcher dispatcher, BodyLimit bodyLimit) {
        this.dispatcher = dispatcher;
        this.bodyLimit = bodyLimit;
    }

    @POST
    @Produces(MediaType.APPLICATION_OCTET_STREAM) // the real type is set per answer: JSON, or SSE for stream=true
    public RestMulti<Buffer> create(
            byte[] body, @HeaderParam(TriageHeaders.REQUEST_ID) String requestId, RoutingContext context) {
        ResponsesRequest request = ResponsesRequest.parse(bodyLimit.check(body));
        return Replies.of(
                dispatcher.chat(
                        request.chat(),
                        NativeBody.openAiResponses(request.json()),
                        requestId,
                        AccessCheck.callerOf(context)),
                new ResponsesFormat(request));
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public void retrieve(@PathParam("id") String id) {
        throw new OpenAiException(
                404,
                "invalid_request_error",
                "response_not_stored",
                "response_id",
                "No response with id '" + ClientText.bounded(id) + "': this gateway does not store responses.");
    }
}
