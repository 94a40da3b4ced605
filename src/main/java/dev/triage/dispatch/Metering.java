package dev.triage.dispatch;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import dev.triage.ledger.LedgerRow;
import dev.triage.ledger.LedgerWriter;
import dev.triage.ledger.Pricing;
import dev.triage.openai.OpenAiException;
import dev.triage.openai.Usage;
import dev.triage.providers.ModelTarget;
import dev.triage.providers.ProviderRegistry;
import dev.triage.routing.RouteTable;
import dev.triage.routing.RoutingDecision;
import dev.triage.telemetry.MetricNames;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

/**
 * Meters every dispatched request once it has ended: a ledger row (queued, written later) and the metrics. Cost is at
 * the answering model's prices; the strong cost prices the same tokens at the route's strong model, so savings are
 * exact (a model named directly is its own strong model: no savings).
 */
@ApplicationScoped
class Metering {

    /** What is known of a request before it is forwarded. */
    record Started(String requestId, RoutingDecision decision, long startNanos) {
    }

    /** How a forwarded request ended. */
    record Ended(ModelTarget answered, String fallback, String attempts, Usage usage, int status, String outcome,
            boolean streamed) {
    }

    private final LedgerWriter ledger;
    private final MeterRegistry metrics;
    private final ProviderRegistry providers;
    private final RouteTable routes;

    Metering(LedgerWriter ledger, MeterRegistry metrics, ProviderRegistry providers, RouteTable routes) {
        this.ledger = ledger;
        this.metrics = metrics;
        this.providers = providers;
        this.routes = routes;
    }

    void ended(Started started, Ended ended) {
        long nanos = System.nanoTime() - started.startNanos();
        RoutingDecision decision = started.decision();
        ModelTarget model = ended.answered();
        BigDecimal cost = model == null ? null
                : Pricing.cost(ended.usage(), model.inputPricePerMillion(), model.outputPricePerMillion());
        ModelTarget strong = decision == null ? model : providers.find(routes.strongModel(decision.route())).orElse(model);
        BigDecimal strongCost = strong == null ? null
                : Pricing.cost(ended.usage(), strong.inputPricePerMillion(), strong.outputPricePerMillion());
        ledger.record(new LedgerRow(UUID.randomUUID(), Instant.now(), started.requestId(), null,
                decision == null ? null : decision.route(), decision == null ? null : decision.tier(),
                decision == null ? null : decision.strongProbability(), decision == null ? null : decision.threshold(),
                model == null ? null : model.name(), ended.fallback(), ended.attempts(), ended.usage().inputTokens(),
                ended.usage().outputTokens(), cost, strongCost, nanos / 1e6, ended.status(), ended.outcome(),
                ended.streamed()));
        count(decision, model, ended, nanos, cost, strongCost);
    }

    /** A request that every model of its chain failed. */
    void failed(Started started, Throwable failure, boolean streamed) {
        OpenAiException error = failure instanceof OpenAiException known ? known : null;
        ended(started, new Ended(null, null, error == null ? null : error.headers().get(Dispatched.ATTEMPTS_HEADER),
                Usage.UNKNOWN, error == null ? 500 : error.status(), error == null ? "internal_error" : error.code(),
                streamed));
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
