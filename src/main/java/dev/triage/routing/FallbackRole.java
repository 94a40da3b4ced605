package dev.triage.routing;

import java.util.Locale;

/** Why a model stands where it does in a fallback chain ({@code x-triage-fallback} names it when it answered). */
public enum FallbackRole {
    /** The model decided (or named); the others only answer when it fails. */
    PRIMARY,
    /** The strong model (or its alternatives) after the weak one failed: quality kept, at a higher cost. */
    ESCALATED,
    /** A configured stand-in for the strong model. */
    ALTERNATIVE,
    /** The weak model after the strong one and its alternatives failed: quality lowered, and said so. */
    DEGRADED,
    /** The next model of a fixed route or of a model named directly. */
    FALLBACK,
    /** The model that ends every chain of a route, e.g. a local vLLM. */
    LAST_RESORT;

    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
