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
    /** Cascade answers that failed a check and went on to the next candidate, by route and check. */
    public static final String ESCALATIONS = "triage.cascade.escalations";

    /** Requests answered, by route, model, tier and outcome (ok or the error code). */
    public static final String REQUESTS = "triage.requests";
    /** Time from the request to the end of its answer. Tags as {@link #REQUESTS}. */
    public static final String REQUEST_DURATION = "triage.request.duration";
    /** Tokens reported by upstreams. Tags: model, direction (input, output). */
    public static final String TOKENS = "triage.tokens";
    /** USD spent, at the configured prices. Tags: route, model. */
    public static final String COST = "triage.cost.usd";
    /** USD saved against sending the same tokens to the route's strong model. Tag: route. */
    public static final String SAVINGS = "triage.savings.usd";
    /** Ledger rows waiting to be written. */
    public static final String LEDGER_BUFFERED = "triage.ledger.buffered";
    /** Ledger rows written to the database. */
    public static final String LEDGER_WRITTEN = "triage.ledger.written";
    /** Ledger rows the database refused (a value it cannot store), set aside so that the rows behind them are written. */
    public static final String LEDGER_REJECTED = "triage.ledger.rejected";
    /** Ledger rows lost because the buffer was full (the database down for too long). */
    public static final String LEDGER_DROPPED = "triage.ledger.dropped";

    private MetricNames() {}
}
