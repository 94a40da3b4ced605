package dev.triage.api;

import jakarta.enterprise.context.ApplicationScoped;

import dev.triage.openai.OpenAiException;

/**
 * The largest request body the gateway accepts ({@code triage.max-body-size}). Bodies that announce their length are
 * refused before they are read; chunked ones once read. The HTTP layer's own cap ({@code quarkus.http.limits.max-body-size})
 * is set higher, as a memory guard only: a chunked body beyond it gets the framework's bare 413.
 */
@ApplicationScoped
public class BodyLimit {

    private final long maxBytes;

    BodyLimit(ApiConfig config) {
        this.maxBytes = config.maxBodySize().asLongValue();
    }

    /** The body itself, when it is within the limit. */
    byte[] check(byte[] body) {
        if (body != null && body.length > maxBytes) {
            throw tooLarge(body.length);
        }
        return body;
    }

    boolean exceeds(long length) {
        return length > maxBytes;
    }

    OpenAiException tooLarge(long length) {
        return new OpenAiException(
                413,
                "invalid_request_error",
                "request_too_large",
                null,
                "The request body is " + length + " bytes; this gateway accepts at most " + maxBytes
                        + " bytes (triage.max-body-size).");
    }
}
