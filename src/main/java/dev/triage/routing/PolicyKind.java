package dev.triage.routing;

/** How a route picks its model. */
public enum PolicyKind {
    /** Always the route's one model. */
    FIXED,
    /** The learned router picks the strong or the weak model per request. */
    LEARNED
}
