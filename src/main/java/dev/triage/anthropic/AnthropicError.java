package dev.triage.anthropic;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.triage.openai.OpenAiException;
import dev.triage.openai.OpenAiJson;
import dev.triage.openai.PassedThroughEvents;
import dev.triage.openai.StreamTranslation;

/**
 * Anthropic's error envelope, {@code {"type":"error","error":{"type":...,"message":...}}}, for any failure the gateway
 * or an upstream reported as an {@link OpenAiException}: the type follows the status as Anthropic's API sets it, the
 * message is the gateway's (or the upstream's own, read from its OpenAI-style body).
 */
public final class AnthropicError {

    private AnthropicError() {}

    public static ObjectNode of(OpenAiException failure) {
        return of(failure.status(), messageOf(failure));
    }

    public static ObjectNode of(int status, String message) {
        ObjectNode envelope = OpenAiJson.newObject().put("type", "error");
        envelope.putObject("error").put("type", typeOf(status)).put("message", message);
        return envelope;
    }

    /** Forwards an Anthropic stream as Anthropic wrote it, ending an incomplete one with an {@code error} event. */
    public static StreamTranslation passedThrough() {
        return new PassedThroughEvents(Set.of("message_stop", "error"), message -> of(502, message));
    }

    static String typeOf(int status) {
        return switch (status) {
            case 400, 405, 406, 414, 415, 422, 431 -> "invalid_request_error";
            case 401 -> "authentication_error";
            case 402, 403 -> "permission_error";
            case 404 -> "not_found_error";
            case 413 -> "request_too_large";
            case 429 -> "rate_limit_error";
            case 503, 529 -> "overloaded_error";
            default -> status < 500 ? "invalid_request_error" : "api_error";
        };
    }

    private static String messageOf(OpenAiException failure) {
        if (failure.upstreamBody() != null) {
            ObjectNode body = OpenAiJson.tryParseObject(failure.upstreamBody());
            if (body != null && body.path("error").path("message").isTextual()) {
                return body.path("error").path("message").asText();
            }
            return "The upstream answered " + failure.status() + ": "
                    + new String(
                            failure.upstreamBody(),
                            0,
                            Math.min(200, failure.upstreamBody().length),
                            StandardCharsets.UTF_8);
        }
        return failure.getMessage();
    }
}
