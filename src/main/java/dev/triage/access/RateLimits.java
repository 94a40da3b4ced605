package dev.triage.access;

import dev.triage.openai.OpenAiException;

/** OpenAI's 429 for a key over its requests or tokens per minute, with the wait in {@code Retry-After}. */
final class RateLimits {

    private RateLimits() {}

    static OpenAiException exceeded(VirtualKey key, long waitSeconds) {
        String limits = (key.rpm() != null ? key.rpm() + " requests" : "")
                + (key.rpm() != null && key.tpm() != null ? ", " : "")
                + (key.tpm() != null ? key.tpm() + " tokens" : "");
        return new OpenAiException(
                        429,
                        "requests",
                        "rate_limit_exceeded",
                        null,
                        "Rate limit reached for this key (" + limits + " per minute). Try again in " + waitSeconds
                                + " s.")
                .withHeader("Retry-After", String.valueOf(waitSeconds));
    }
}
