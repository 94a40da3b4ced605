package dev.triage.providers;

import java.time.Duration;

import dev.triage.openai.OpenAiException;

/**
 * A failed upstream call as the client would see it, plus what the gateway does about it: whether another try, another
 * model or the circuit breaker should care, and how long the upstream asked to be left alone.
 */
public final class UpstreamFailure extends OpenAiException {

    public enum Kind {
        /** The request itself is bad (4xx other than 408 and 429): never retried, never sent elsewhere. */
        CLIENT_ERROR,
        /** Worth another try on the same provider: refused or lost connection, timeout, 408, 429, 502, 503, 504. */
        TRANSIENT,
        /** The provider is broken for this request (500, unreadable answer, empty stream): next model, no retry. */
        PROVIDER_ERROR,
        /** The gateway did not call the provider: its circuit is open or its bulkhead is full. */
        UNAVAILABLE
    }

    private final Kind kind;
    private final Duration retryAfter;

    UpstreamFailure(
            Kind kind,
            int status,
            String type,
            String code,
            String message,
            byte[] upstreamBody,
            Duration retryAfter,
            Throwable cause) {
        super(status, type, code, null, message, upstreamBody, cause);
        this.kind = kind;
        this.retryAfter = retryAfter;
        if (retryAfter != null && (status == 429 || status == 503)) {
            withHeader("Retry-After", String.valueOf(Math.max(1, (retryAfter.toMillis() + 999) / 1000)));
        }
    }

    /** How a try ended, as metrics, spans and {@code x-triage-attempts} name it: ok, or the failure's code. */
    static String outcomeOf(Throwable failure) {
        return failure == null ? "ok" : failure instanceof UpstreamFailure known ? known.code() : "error";
    }

    public Kind kind() {
        return kind;
    }

    /** Whether the next model of a fallback chain may answer instead. */
    public boolean fallbackWorthy() {
        return kind != Kind.CLIENT_ERROR;
    }

    /** The upstream's {@code Retry-After}, or {@code null}. */
    Duration retryAfter() {
        return retryAfter;
    }

    /**
     * Whether the provider's circuit breaker counts this as the provider failing. A 429 does not: it is back-pressure
     * from a provider that works (retried after its {@code Retry-After}, or sent to the next model), not a fault.
     */
    boolean providerFault() {
        return (kind == Kind.TRANSIENT || kind == Kind.PROVIDER_ERROR) && status() != 429;
    }
}
