package dev.triage.api;

import java.io.IOException;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.triage.anthropic.AnthropicError;
import dev.triage.openai.OpenAiError;
import dev.triage.openai.OpenAiException;
import io.quarkus.logging.Log;
import io.vertx.core.http.HttpServerRequest;

/**
 * The one place failures become responses: OpenAI's error envelope (Anthropic's on {@code /v1/messages}), never a stack
 * trace or an HTML page.
 */
public class OpenAiErrorMapper {

    @ServerExceptionMapper
    public Response openAi(OpenAiException e, HttpServerRequest request) {
        if (e.status() >= 500) {
            // handled (the client has its envelope): the cause's trace only at DEBUG
            Log.warnf(
                    "request %s: %d %s: %s",
                    request.getHeader(TriageHeaders.REQUEST_ID), e.status(), e.code(), e.getMessage());
            if (e.getCause() != null) {
                Log.debugf(e.getCause(), "request %s: cause", request.getHeader(TriageHeaders.REQUEST_ID));
            }
        }
        Object body = anthropic(request.path())
                ? AnthropicError.of(e)
                : e.upstreamBody() != null ? e.upstreamBody() : e.toError();
        Response.ResponseBuilder response = Response.status(e.status())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(body);
        e.headers().forEach(response::header);
        return response.build();
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, HttpServerRequest request) {
        int status = e.getResponse().getStatus();
        String message = switch (status) {
            case 404 -> "Unknown request URL: " + request.method() + " " + request.path() + ".";
            case 405 -> "Method " + request.method() + " is not allowed on " + request.path() + ".";
            case 406, 415 -> "Unsupported media type for " + request.path() + "; send and accept application/json.";
            default -> e.getMessage();
        };
        return json(
                request,
                status,
                OpenAiError.of(
                        status >= 500 ? "server_error" : "invalid_request_error",
                        status == 404 ? "unknown_url" : null,
                        null,
                        message));
    }

    /**
     * The request body could not be read: cut by the client, or past the HTTP layer's memory guard (which has answered
     * 413 itself by then).
     */
    @ServerExceptionMapper
    public Response unreadableBody(IOException e, HttpServerRequest request) {
        return json(
                request,
                400,
                OpenAiError.of(
                        "invalid_request_error",
                        "unreadable_body",
                        null,
                        "The request body could not be read completely."));
    }

    @ServerExceptionMapper(priority = Integer.MAX_VALUE)
    public Response unexpected(Throwable e, HttpServerRequest request) {
        Log.errorf(e, "request %s: unexpected failure", request.getHeader(TriageHeaders.REQUEST_ID));
        return json(
                request,
                500,
                OpenAiError.of(
                        "server_error",
                        "internal_error",
                        null,
                        "The gateway failed unexpectedly; the failure was logged."));
    }

    private static Response json(HttpServerRequest request, int status, OpenAiError error) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(envelope(request.path(), status, error))
                .build();
    }

    /** {@code error} in the envelope of the API at {@code path}: Anthropic's under {@code /v1/messages}, else OpenAI's. */
    static Object envelope(String path, int status, OpenAiError error) {
        return anthropic(path) ? AnthropicError.of(status, error.error().message()) : error;
    }

    private static boolean anthropic(String path) {
        return CanonicalPath.isUnder(CanonicalPath.of(path), "/v1/messages");
    }
}
