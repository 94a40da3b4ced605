package dev.triage.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.triage.dispatch.Dispatched;
import dev.triage.routing.DecisionField;
import dev.triage.routing.FallbackRole;

/** Every response header the gateway adds, in one place. */
public final class TriageHeaders {

    public static final String REQUEST_ID = "x-request-id";
    /** The route that decided, when the request named a route. */
    public static final String ROUTE = "x-triage-route";
    /** The model that answered (the gateway's name). */
    public static final String MODEL = "x-triage-model";
    /** {@code strong}, {@code weak}, {@code fixed} or {@code candidate}. */
    public static final String TIER = "x-triage-tier";

    public static final String POLICY = "x-triage-policy";
    /** The route's predicted probability that the strong model is needed. */
    public static final String STRONG_PROBABILITY = "x-triage-p-strong";

    public static final String THRESHOLD = "x-triage-threshold";
    /** Time the route took to decide, in milliseconds (encoder, heads, queueing). */
    public static final String DECISION_MS = "x-triage-decision-ms";

    public static final String ROUTER_VERSION = "x-triage-router-version";
    /** A pool route's candidates as scored for the request: {@code model;q=quality;usd=expected cost}, chosen first. */
    public static final String CANDIDATES = "x-triage-candidates";
    /** Every model tried, in order, with its tries and how it ended. */
    public static final String ATTEMPTS = Dispatched.ATTEMPTS_HEADER;
    /** Present when a model other than the first answered: {@code escalated}, {@code degraded}, ... */
    public static final String FALLBACK = "x-triage-fallback";

    private TriageHeaders() {}

    static Map<String, List<String>> of(Dispatched dispatched, String contentType) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Content-Type", List.of(contentType));
        headers.put(MODEL, List.of(dispatched.model()));
        headers.put(ATTEMPTS, List.of(dispatched.attempts()));
        if (dispatched.role() != FallbackRole.PRIMARY) {
            headers.put(FALLBACK, List.of(dispatched.role().label()));
        }
        dispatched.decision().fields().forEach((field, value) -> headers.put(name(field), List.of(field.text(value))));
        if (dispatched instanceof Dispatched.Complete complete) {
            complete.upstreamHeaders().forEach((name, value) -> headers.put(name, List.of(value)));
        }
        return headers;
    }

    private static String name(DecisionField field) {
        return switch (field) {
            case ROUTE -> ROUTE;
            case TIER -> TIER;
            case POLICY -> POLICY;
            case STRONG_PROBABILITY -> STRONG_PROBABILITY;
            case THRESHOLD -> THRESHOLD;
            case DECISION_MS -> DECISION_MS;
            case ROUTER_VERSION -> ROUTER_VERSION;
            case CANDIDATES -> CANDIDATES;
        };
    }
}
