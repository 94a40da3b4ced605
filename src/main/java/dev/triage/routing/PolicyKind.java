package dev.triage.routing;

import java.util.Locale;

/** How a route picks its model. */
public enum PolicyKind {
    /** Always the route's one model. */
    FIXED,
    /** The learned router picks the strong or the weak model per request. */
    LEARNED,
    /** Of the route's candidates, the one of highest configured quality (the cheaper of equals). */
    QUALITY_FIRST,
    /** Of the route's candidates, the cheapest for this request whose quality is close enough to the best's. */
    COST_FIRST,
    /** Of the route's candidates, the best trade of configured quality against this request's expected cost. */
    HYBRID,
    /** Of the route's candidates whose quality is close enough to the best's, the one answering fastest lately. */
    LATENCY_FIRST,
    /** The route's candidates in their order, cheapest first: the next answers when an answer fails a check. */
    CASCADE;

    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
