package dev.triage.dispatch;

import dev.triage.routing.RoutingDecision;
import io.smallrye.mutiny.Multi;

/** The answer to a forwarded request: a whole upstream body, or the upstream's server-sent events as they come. */
public sealed interface Dispatched {

    /** The response header listing every model tried, in order: {@code model;tries=N;ok|error=code, ...}. */
    String ATTEMPTS_HEADER = "x-triage-attempts";

    /** The model that answered (the gateway's name for it). */
    String model();

    /** The route's decision, or {@code null} when the request named a model directly. */
    RoutingDecision decision();

    /** Why a model other than the first answered ({@code escalated}, {@code degraded}, ...), or {@code null}. */
    String fallback();

    /** Every model tried, as in {@link #ATTEMPTS_HEADER}. */
    String attempts();

    /** {@code body} is exactly what the upstream answered. */
    record Complete(String model, RoutingDecision decision, String fallback, String attempts, String contentType,
            byte[] body) implements Dispatched {
    }

    /** {@code events} are the {@code data} payloads of the upstream's events, {@code [DONE]} included if it sent it. */
    record Streaming(String model, RoutingDecision decision, String fallback, String attempts, Multi<String> events)
            implements Dispatched {
    }
}
