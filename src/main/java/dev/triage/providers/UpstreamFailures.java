package dev.triage.providers;

import java.io.IOException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.triage.openai.OpenAiException;
import dev.triage.openai.OpenAiJson;
import dev.triage.providers.UpstreamFailure.Kind;
import io.vertx.core.http.HttpClosedException;

/**
 * Turns what went wrong upstream into what the client sees. An upstream 4xx is the client's business and passes through
 * as the upstream said it (its body verbatim when it is OpenAI's envelope); everything else is the gateway's 502/504
 * with the upstream's message kept, never the provider's key or URL secrets.
 */
final class UpstreamFailures {

    private static final int MAX_MESSAGE = 500;

    private UpstreamFailures() {}

    /**
     * {@code secret} is the provider key the gateway sent: an upstream that quotes it back (some do, in their 401s and
     * even in other errors) never gets it to the client, whose body is then rendered anew rather than passed through.
     */
    static UpstreamFailure fromStatus(String provider, int status, byte[] body, String retryAfter, String secret) {
        if (status == 401 || status == 403) {
            return new UpstreamFailure(
                    Kind.PROVIDER_ERROR,
                    502,
                    "upstream_error",
                    "upstream_auth_failed",
                    "Provider '" + provider + "' refused the gateway's credentials (status " + status
                            + "): the gateway's key for it is missing, wrong or not allowed this model.",
                    null,
                    null,
                    null);
        }
        boolean quotesSecret =
                secret != null && body != null && new String(body, StandardCharsets.UTF_8).contains(secret);
        ObjectNode json = body == null || quotesSecret ? null : OpenAiJson.tryParseObject(body);
        boolean envelope = json != null && json.path("error").isObject();
        String message = quotesSecret
                ? ""
                : envelope ? json.path("error").path("message").asText("") : snippet(body);
        Duration wait = RetryAfter.parse(retryAfter);
        // 529: Anthropic's "overloaded"
        boolean transientStatus =
                status == 408 || status == 429 || status == 502 || status == 503 || status == 504 || status == 529;
        if (status >= 400 && status < 500) {
            return new UpstreamFailure(
                    transientStatus ? Kind.TRANSIENT : Kind.CLIENT_ERROR,
                    status,
                    envelope
                            ? json.path("error").path("type").asText("invalid_request_error")
                            : "invalid_request_error",
                    "upstream_" + status,
                    message.isEmpty() ? "The upstream rejected the request with status " + status + "." : message,
                    envelope ? body : null,
                    wait,
                    null);
        }
        return new UpstreamFailure(
                transientStatus ? Kind.TRANSIENT : Kind.PROVIDER_ERROR,
                502,
                "upstream_error",
                "upstream_" + status,
                "Provider '" + provider + "' failed with status " + status + (message.isEmpty() ? "." : ": " + message),
                null,
                wait,
                null);
    }

    /** A failure other than an error status (which {@link #fromStatus} reads). */
    static UpstreamFailure fromThrowable(String provider, Throwable failure) {
        if (failure instanceof UpstreamFailure known) {
            return known;
        }
        if (failure instanceof OpenAiException translated) {
            // an upstream's error event read by its translation before the stream answered anything
            return new UpstreamFailure(
                    translated.status() == 429 || translated.status() == 503 ? Kind.TRANSIENT : Kind.PROVIDER_ERROR,
                    502,
                    "upstream_error",
                    translated.code(),
                    "Provider '" + provider + "': " + translated.getMessage(),
                    null,
                    null,
                    translated);
        }
        if (isTimeout(failure)) {
            return timeout(provider, failure);
        }
        if (hasCause(failure, ConnectException.class)) {
            return transientFailure(
                    "upstream_unreachable", "Provider '" + provider + "' could not be reached.", failure);
        }
        if (hasCause(failure, HttpClosedException.class) || hasCause(failure, IOException.class)) {
            return transientFailure(
                    "upstream_connection_lost", "Provider '" + provider + "' closed the connection.", failure);
        }
        return providerError(
                "upstream_protocol_error",
                "Provider '" + provider + "' sent a response the gateway could not read.",
                failure);
    }

    static UpstreamFailure timeout(String provider, Throwable cause) {
        return new UpstreamFailure(
                Kind.TRANSIENT,
                504,
                "upstream_error",
                "upstream_timeout",
                "Provider '" + provider + "' did not answer in time.",
                null,
                null,
                cause);
    }

    static UpstreamFailure malformedBody(String provider) {
        return providerError(
                "upstream_malformed_response",
                "Provider '" + provider + "' answered with a body that is not a JSON object.",
                null);
    }

    static UpstreamFailure emptyStream(String provider) {
        return providerError(
                "upstream_empty_stream",
                "Provider '" + provider + "' closed the stream without sending any event.",
                null);
    }

    static UpstreamFailure circuitOpen(String provider, Duration retryAfter) {
        return notCalled(
                503,
                "server_error",
                "upstream_circuit_open",
                "Provider '" + provider
                        + "' is failing; the gateway stopped calling it for a while (circuit breaker open).",
                retryAfter);
    }

    static UpstreamFailure coolingDown(String provider, Duration retryAfter) {
        return notCalled(
                429,
                "requests",
                "upstream_rate_limited",
                "Provider '" + provider
                        + "' rate-limited this model; the gateway does not call it again until its Retry-After.",
                retryAfter);
    }

    static UpstreamFailure overloaded(String provider, Duration retryAfter) {
        return notCalled(
                503,
                "server_error",
                "upstream_overloaded",
                "Provider '" + provider
                        + "' has as many requests in flight and waiting as it is allowed; try again shortly.",
                retryAfter);
    }

    /** The gateway did not call the provider, and says when the client may try again. */
    private static UpstreamFailure notCalled(
            int status, String type, String code, String message, Duration retryAfter) {
        return new UpstreamFailure(Kind.UNAVAILABLE, status, type, code, message, null, retryAfter, null);
    }

    private static UpstreamFailure transientFailure(String code, String message, Throwable cause) {
        return new UpstreamFailure(Kind.TRANSIENT, 502, "upstream_error", code, message, null, null, cause);
    }

    private static UpstreamFailure providerError(String code, String message, Throwable cause) {
        return new UpstreamFailure(Kind.PROVIDER_ERROR, 502, "upstream_error", code, message, null, null, cause);
    }

    private static boolean isTimeout(Throwable failure) {
        return hasCause(failure, TimeoutException.class)
                || hasCause(failure, io.netty.handler.timeout.TimeoutException.class);
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
