package dev.triage.dispatch;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import dev.triage.ledger.KeyLimits;
import dev.triage.ledger.KeyStore;
import dev.triage.ledger.LedgerRow;
import dev.triage.ledger.LedgerWriter;
import dev.triage.ledger.Pricing;
import dev.triage.ledger.VirtualKey;
import dev.triage.openai.OpenAiException;
import dev.triage.openai.Usage;
import dev.triage.providers.ModelTarget;
import dev.triage.providers.ProviderRegistry;
import dev.triage.routing.RouteTable;
import dev.triage.routing.RoutingDecision;
import dev.triage.telemetry.MetricNames;
import dev.triage.telemetry.SpanAttributes;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;

/**
 * Meters every dispatched request once it has ended: a ledger row (queued, written later), the metrics, and its trace (a
 * span per request, a child span for the routing decision; the provider adds one per upstream try). Cost is at the
 * answering model's prices; the strong cost prices the same tokens at the route's strong model, so savings are exact
 * (a model named directly is its own strong model: no savings).
 */
@ApplicationScoped
class Metering {

    /** A request being served: its span, opened when it arrived, and the trace context the tries' spans belong to. */
    record Traced(Span span, Context context, long startNanos) {
    }

    /** What is known of a request before it is forwarded. */
    record Started(String requestId, Caller caller, RoutingDecision decision, Traced traced) {
    }

    /** How a forwarded request ended. */
    record Ended(ModelTarget answered, String fallback, String attempts, Usage usage, int status, String outcome,
            boolean streamed) {
    }

    private final LedgerWriter ledger;
    private final MeterRegistry metrics;
    private final ProviderRegistry providers;
    private final RouteTable routes;
    private final Tracer tracer;
    private final KeyStore keys;
    private final KeyLimits limits;

    Metering(LedgerWriter ledger, MeterRegistry metrics, ProviderRegistry providers, RouteTable routes, Tracer tracer,
            KeyStore keys, KeyLimits limits) {
        this.ledger = ledger;
        this.keys = keys;
        this.limits = limits;
        this.metrics = metrics;
        this.providers = providers;
        this.routes = routes;
        this.tracer = tracer;
    }

    /** Opens the request's span, a child of the current (HTTP server) span. */
    Traced begin(String operation, String requestedModel) {
        Span span = tracer.spanBuilder(operation + " " + requestedModel)
                .setAttribute(SpanAttributes.OPERATION, operation)
                .setAttribute(SpanAttributes.REQUEST_MODEL, requestedModel)
                .startSpan();
        return new Traced(span, Context.current().with(span), System.nanoTime());
    }

    /** The routing decision, as a span of the time it took and as attributes of the request's span. */
    void decided(Traced traced, RoutingDecision decision, Instant decidingSince) {
        Span route = tracer.spanBuilder("route " + decision.route())
                .setParent(traced.context())
                .setStartTimestamp(decidingSince)
                .startSpan();
        for (Span span : new Span[] {route, traced.span()}) {
            span.setAttribute(SpanAttributes.ROUTE, decision.route());
            span.setAttribute(SpanAttributes.TIER, decision.tier());
            span.setAttribute(SpanAttributes.POLICY, decision.policy());
            if (decision.strongProbability() != null) {
                span.setAttribute(SpanAttributes.STRONG_PROBABILITY, decision.strongProbability());
            }
            if (decision.threshold() != null) {
                span.setAttribute(SpanAttributes.THRESHOLD, decision.threshold());
            }
            if (decision.routerVersion() != null) {
                span.setAttribute(SpanAttributes.ROUTER_VERSION, decision.routerVersion());
            }
            if (decision.decisionMillis() != null) {
                span.setAttribute(SpanAttributes.DECISION_MS, decision.decisionMillis());
            }
        }
        route.end();
    }

    /** A request refused before it was forwarded (unknown model, bad route name): its span ends with the error. */
    void refused(Traced traced, Throwable failure) {
        if (traced.span().isRecording()) {
            traced.span().setStatus(StatusCode.ERROR, failure.getMessage());
            traced.span().end();
        }
    }

    void ended(Started started, Ended ended) {
        long nanos = System.nanoTime() - started.traced().startNanos();
        RoutingDecision decision = started.decision();
        ModelTarget model = ended.answered();
        BigDecimal cost = model == null ? null
                : Pricing.cost(ended.usage(), model.inputPricePerMillion(), model.outputPricePerMillion());
        ModelTarget strong = decision == null ? model : providers.find(routes.strongModel(decision.route())).orElse(model);
        BigDecimal strongCost = strong == null ? null
                : Pricing.cost(ended.usage(), strong.inputPricePerMillion(), strong.outputPricePerMillion());
        ledger.record(new LedgerRow(UUID.randomUUID(), Instant.now(), started.requestId(), started.caller().id(),
                decision == null ? null : decision.route(), decision == null ? null : decision.tier(),
                decision == null ? null : decision.strongProbability(), decision == null ? null : decision.threshold(),
                model == null ? null : model.name(), ended.fallback(), ended.attempts(), ended.usage().inputTokens(),
                ended.usage().outputTokens(), cost, strongCost, nanos / 1e6, ended.status(), ended.outcome(),
                ended.streamed()));
        count(decision, model, ended, nanos, cost, strongCost);
        VirtualKey key = started.caller().key();
        if (key != null) {
            if (cost != null) {
                keys.charge(key.id(), cost);
            }
            limits.used(key.id(), (ended.usage().inputTokens() == null ? 0 : ended.usage().inputTokens())
                    + (ended.usage().outputTokens() == null ? 0 : ended.usage().outputTokens()), System.currentTimeMillis());
        }
        trace(started.traced().span(), model, ended, cost, strongCost);
    }

    /** A request that every model of its chain failed. */
    void failed(Started started, Throwable failure, boolean streamed) {
        OpenAiException error = failure instanceof OpenAiException known ? known : null;
        ended(started, new Ended(null, null, error == null ? null : error.headers().get(Dispatched.ATTEMPTS_HEADER),
                Usage.UNKNOWN, error == null ? 500 : error.status(), error == null ? "internal_error" : error.code(),
                streamed));
    }

    private static void trace(Span span, ModelTarget model, Ended ended, BigDecimal cost, BigDecimal strongCost) {
        if (model != null) {
            span.setAttribute(SpanAttributes.RESPONSE_MODEL, model.name());
        }
        if (ended.usage().inputTokens() != null) {
            span.setAttribute(SpanAttributes.INPUT_TOKENS, ended.usage().inputTokens());
        }
        if (ended.usage().outputTokens() != null) {
            span.setAttribute(SpanAttributes.OUTPUT_TOKENS, ended.usage().outputTokens());
        }
        if (ended.fallback() != null) {
            span.setAttribute(SpanAttributes.FALLBACK, ended.fallback());
        }
        if (ended.attempts() != null) {
            span.setAttribute(SpanAttributes.ATTEMPTS, ended.attempts());
        }
        if (cost != null) {
            span.setAttribute(SpanAttributes.COST, cost.doubleValue());
        }
        if (strongCost != null) {
            span.setAttribute(SpanAttributes.STRONG_COST, strongCost.doubleValue());
        }
        span.setAttribute(SpanAttributes.OUTCOME, ended.outcome());
        if (!"ok".equals(ended.outcome())) {
            span.setStatus(StatusCode.ERROR, ended.outcome());
        }
        span.end();
    }

    private void count(RoutingDecision decision, ModelTarget model, Ended ended, long nanos, BigDecimal cost,
            BigDecimal strongCost) {
        String route = decision == null ? "" : decision.route();
        String modelName = model == null ? "" : model.name();
        Tags tags = Tags.of("route", route, "model", modelName, "tier", decision == null ? "" : decision.tier(),
                "outcome", ended.outcome());
        metrics.counter(MetricNames.REQUESTS, tags).increment();
        metrics.timer(MetricNames.REQUEST_DURATION, tags).record(nanos, TimeUnit.NANOSECONDS);
        if (ended.usage().inputTokens() != null) {
            metrics.counter(MetricNames.TOKENS, "model", modelName, "direction", "input")
                    .increment(ended.usage().inputTokens());
        }
        if (ended.usage().outputTokens() != null) {
            metrics.counter(MetricNames.TOKENS, "model", modelName, "direction", "output")
                    .increment(ended.usage().outputTokens());
        }
        if (cost != null) {
            metrics.counter(MetricNames.COST, "route", route, "model", modelName).increment(cost.doubleValue());
            if (strongCost != null) {
                metrics.counter(MetricNames.SAVINGS, "route", route).increment(strongCost.subtract(cost).doubleValue());
            }
        }
    }
}
