package dev.triage.api;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestMulti;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.triage.anthropic.MessagesRequest;
import dev.triage.dispatch.ChatDispatcher;
import dev.triage.dispatch.NativeBody;
import dev.triage.openai.OpenAiJson;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;

/**
 * Anthropic's Messages API, {@code POST /v1/messages} (streamed or not) and {@code POST /v1/messages/count_tokens}:
 * routed on its Chat Completions translation, so that the same routes, models, fallbacks, metering and headers apply as
 * on {@code /v1/chat/completions}; sent as written to a model on an Anthropic provider, translated for any other. Errors are in Anthropic's envelope ({@link OpenAiErrorMapper}).
 */
@Path("/v1/messages")
public class MessagesResource {

    private final ChatDispatcher dispatcher;
    private final BodyLimit bodyLimit;

    MessagesResource(ChatDispatcher dispatcher, BodyLimit bodyLimit) {
        this.dispatcher = dispatcher;
        this.bodyLimit = bodyLimit;
    }

    @POST
    @Produces(MediaType.APPLICATION_OCTET_STREAM) // the real type is set per answer: JSON, or SSE for stream=true
    public RestMulti<Buffer> create(
            byte[] body, @HeaderParam(TriageHeaders.REQUEST_ID) String requestId, RoutingContext context) {
        MessagesRequest request = MessagesRequest.parse(bodyLimit.check(body));
        return Replies.of(
                dispatcher.chat(
                        request.toChat(),
                        NativeBody.anthropicMessages(request.json()),
                        requestId,
                        AccessCheck.callerOf(context)),
                MessagesFormat.INSTANCE);
    }

    /** The prompt's tokens as the gateway counts them (OpenAI's tokenizer): close to, not equal to, Claude's count. */
    @POST
    @Path("/count_tokens")
    @Produces(MediaType.APPLICATION_JSON)
    public ObjectNode countTokens(byte[] body) {
        ObjectNode json = OpenAiJson.parseObject(bodyLimit.check(body));
        if (!json.has("max_tokens")) {
            // count_tokens takes no max_tokens; the translation needs one
            json.put("max_tokens", 1);
        }
        MessagesRequest request = MessagesRequest.of(json);
        return OpenAiJson.newObject().put("input_tokens", dispatcher.promptTokens(request.toChat()));
    }
}
