package dev.triage.dispatch;

import java.util.Objects;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.triage.ledger.LedgerRow;
import dev.triage.ledger.RequestFinished;
import dev.triage.telemetry.MetricNames;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

/** Counts a finished request: requests and latency by route, model, tier and outcome; tokens; cost and savings. */
@ApplicationScoped
class RequestMetrics {

    private final MeterRegistry metrics;

    RequestMetrics(MeterRegistry metrics) {
        this.metrics = metrics;
    }

    void count(@Observes RequestFinished finished) {
        LedgerRow row = finished.row();
        String route = Objects.requireNonNullElse(row.route(), "");
        String model = Objects.requireNonNullElse(row.model(), "");
        Tags tags = Tags.of(
                "route",
                route,
                "model",
                model,
                "tier",
                Objects.requireNonNullElse(row.tier(), ""),
                "outcome",
                row.outcome());
        metrics.counter(MetricNames.REQUESTS, tags).increment();
        metrics.timer(MetricNames.REQUEST_DURATION, tags)
                .record((long) (row.latencyMillis() * 1e6), TimeUnit.NANOSECONDS);
        if (row.inputTokens() != null) {
            metrics.counter(MetricNames.TOKENS, "model", model, "direction", "input")
                    .increment(row.inputTokens());
        }
        if (row.outputTokens() != null) {
            metrics.counter(MetricNames.TOKENS, "model", model, "direction", "output")
                    .increment(row.outputTokens());
        }
        if (row.cost() != null) {
            metrics.counter(MetricNames.COST, "route", route, "model", model)
                    .increment(row.cost().doubleValue());
            if (row.strongCost() != null) {
                metrics.counter(MetricNames.SAVINGS, "route", route)
                        .increment(row.strongCost().subtract(row.cost()).doubleValue());
            }
        }
    }
}
