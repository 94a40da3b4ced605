package dev.triage.dispatch;

import dev.triage.routing.RoutingDecision;
import io.smallrye.mutiny.Multi;

/** The answer to a forwarded request: a whole upstream body, or the upstream's server-sent events as they come. */
public sealed interface Dispatched {

    /** The model that answered (the gateway's name for it). */
    String model();

    /** The route's decision, or {@code null} when the request named a model directly. */
    RoutingDecision decision();

    /** {@code body} is exactly what the upstream answered. */
    record Complete(String model, RoutingDecision decision, String contentType, byte[] body) implements Dispatched {
    }

    /** {@code events} are the {@code data} payloads of the upstream's events, {@code [DONE]} included if it sent it. */
    record Streaming(String model, RoutingDecision decision, Multi<String> events) implements Dispatched {
    }
}
