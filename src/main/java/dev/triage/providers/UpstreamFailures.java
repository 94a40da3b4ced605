package dev.triage.providers;

import java.io.IOException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeoutException;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.triage.openai.OpenAiException;
import dev.triage.openai.OpenAiJson;
import io.vertx.core.http.HttpClosedException;

/**
 * Turns what went wrong upstream into what the client sees. An upstream 4xx is the client's business and passes through
 * as the upstream said it (its body verbatim when it is OpenAI's envelope); everything else is the gateway's 502/504
 * with the upstream's message kept, never the provider's key or URL secrets.
 */
final class UpstreamFailures {

    private static final int MAX_MESSAGE = 500;

    private UpstreamFailures() {
    }

    static OpenAiException fromStatus(String provider, int status, byte[] body) {
        ObjectNode json = body == null ? null : OpenAiJson.tryParseObject(body);
        boolean envelope = json != null && json.path("error").isObject();
        String message = envelope ? json.path("error").path("message").asText("") : snippet(body);
        if (status >= 400 && status < 500) {
            return new OpenAiException(status, envelope ? json.path("error").path("type").asText("invalid_request_error")
                    : "invalid_request_error", "upstream_" + status, null,
                    message.isEmpty() ? "The upstream rejected the request with status " + status + "." : message,
                    envelope ? body : null, null);
        }
        return new OpenAiException(502, "upstream_error", "upstream_" + status, null,
                "Provider '" + provider + "' failed with status " + status + (message.isEmpty() ? "." : ": " + message));
    }

    static OpenAiException fromThrowable(String provider, Throwable failure) {
        if (failure instanceof OpenAiException known) {
            return known;
        }
        if (failure instanceof WebApplicationException http && http.getResponse() != null) {
            return fromStatus(provider, http.getResponse().getStatus(), bodyOf(http.getResponse()));
        }
        if (isTimeout(failure)) {
            return new OpenAiException(504, "upstream_error", "upstream_timeout", null,
                    "Provider '" + provider + "' did not answer in time.", null, failure);
        }
        if (hasCause(failure, ConnectException.class)) {
            return new OpenAiException(502, "upstream_error", "upstream_unreachable", null,
                    "Provider '" + provider + "' could not be reached.", null, failure);
        }
        if (hasCause(failure, HttpClosedException.class) || hasCause(failure, IOException.class)) {
            return new OpenAiException(502, "upstream_error", "upstream_connection_lost", null,
                    "Provider '" + provider + "' closed the connection.", null, failure);
        }
        return new OpenAiException(502, "upstream_error", "upstream_protocol_error", null,
                "Provider '" + provider + "' sent a response the gateway could not read.", null, failure);
    }

    static OpenAiException malformedBody(String provider) {
        return new OpenAiException(502, "upstream_error", "upstream_malformed_response", null,
                "Provider '" + provider + "' answered with a body that is not a JSON object.");
    }

    /** The error body of a streamed call, when the client kept it. */
    private static byte[] bodyOf(Response response) {
        try {
            return response.hasEntity() ? response.readEntity(byte[].class) : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static boolean isTimeout(Throwable failure) {
        return hasCause(failure, TimeoutException.class)
                || hasCause(failure, io.netty.handler.timeout.TimeoutException.class)
                || hasCause(failure, jakarta.ws.rs.ProcessingException.class)
                        && String.valueOf(rootMessage(failure)).toLowerCase().contains("timeout");
    }

    private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : failure.getMessage();
    }

    private static String snippet(byte[] body) {
        if (body == null || body.length == 0) {
            return "";
        }
        String text = new String(body, StandardCharsets.UTF_8).strip();
        if (text.startsWith("<")) {
            return ""; // an HTML error page says nothing useful to an API client
        }
        return text.length() > MAX_MESSAGE ? text.substring(0, MAX_MESSAGE) + "..." : text;
    }
}
