package dev.triage.telemetry;

/** The gateway's metric names (Micrometer; Prometheus turns dots into underscores). Tags stay low-cardinality. */
public final class MetricNames {

    /** Circuit breaker state per provider: 0 closed, 1 half-open, 2 open. Tag: provider. */
    public static final String CIRCUIT_STATE = "triage.provider.circuit.state";
    /** Calls to an upstream, retries included. Tags: provider, outcome (ok or the error code). */
    public static final String UPSTREAM_ATTEMPTS = "triage.upstream.attempts";
    /** Calls in flight per provider (bulkhead permits held). Tag: provider. */
    public static final String UPSTREAM_IN_FLIGHT = "triage.upstream.in.flight";
    /** Requests answered by a model other than the first of their chain. Tags: route, role (escalated, ...). */
    public static final String FALLBACKS = "triage.fallbacks";

    private MetricNames() {
    }
}
