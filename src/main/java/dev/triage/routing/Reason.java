package dev.triage.routing;

import java.util.Locale;

/** On what grounds a model was picked ({@code x-triage-policy}). */
public enum Reason {
    /** The request named a model, not a route: nothing was decided. */
    DIRECT,
    /** A fixed route's one model. */
    FIXED,
    /** The learned router's probability against the threshold (or its fail-safe, the strong model). */
    LEARNED,
    /** The strong model while the router's encoder loads. */
    WARMING,
    /** The weak model because the caller's soft budget is spent. */
    BUDGET,
    /** A pool route's candidate of highest quality. */
    QUALITY_FIRST,
    /** A pool route's cheapest candidate within its quality tolerance or above its floor. */
    COST_FIRST,
    /** A pool route's candidate with the best quality less weighted cost. */
    HYBRID,
    /** A pool route's fastest candidate (its recent latency) within its quality tolerance or above its floor. */
    LATENCY_FIRST,
    /** A cascade route's candidate: the first, or the next after an answer failed a check. */
    CASCADE;

    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
