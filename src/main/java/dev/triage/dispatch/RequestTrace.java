package dev.triage.dispatch;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import dev.triage.ledger.LedgerRow;
import dev.triage.openai.ClientText;
import dev.triage.routing.Decision;
import dev.triage.routing.DecisionField;
import dev.triage.telemetry.SpanAttributes;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;

/**
 * A request's trace: its span (a child of the HTTP server's), a child span for the routing decision, and the span's
 * end with what the ledger row says; the provider adds a span per upstream try under {@link Traced#context()}.
 */
@ApplicationScoped
class RequestTrace {

    /** A request being served: its span, opened when it arrived, and the trace context the tries' spans belong to. */
    record Traced(Span span, Context context, long startNanos) {}

    private final Tracer tracer;

    RequestTrace(Tracer tracer) {
        this.tracer = tracer;
    }

    Traced begin(String operation, String asked) {
        String requestedModel = ClientText.bounded(asked);
        Span span = tracer.spanBuilder(operation + " " + requestedModel)
                .setAttribute(SpanAttributes.OPERATION, operation)
                .setAttribute(SpanAttributes.REQUEST_MODEL, requestedModel)
                .startSpan();
        return new Traced(span, Context.current().with(span), System.nanoTime());
    }

    /** The routing decision, as a span of the time it took and as attributes of the request's span. */
    void decided(Traced traced, Decision decision, Instant decidingSince) {
        Span route = tracer.spanBuilder("route " + decision.route())
                .setParent(traced.context())
                .setStartTimestamp(decidingSince)
                .startSpan();
        decision.fields().forEach((field, value) -> {
            for (Span span : new Span[] {route, traced.span()}) {
                if (field.numeric()) {
                    span.setAttribute(numberKey(field), (Double) value);
                } else {
                    span.setAttribute(textKey(field), (String) value);
                }
            }
        });
        route.end();
    }

    /** A request refused before it was forwarded (unknown model, bad route name): its span ends with the error. */
    void refused(Traced traced, Throwable failure) {
        if (traced.span().isRecording()) {
            traced.span().setStatus(StatusCode.ERROR, failure.getMessage());
            traced.span().end();
        }
    }

    void ended(Traced traced, LedgerRow row) {
        Span span = traced.span();
        setIfKnown(span, SpanAttributes.RESPONSE_MODEL, row.model());
        setIfKnown(span, SpanAttributes.INPUT_TOKENS, row.inputTokens());
        setIfKnown(span, SpanAttributes.OUTPUT_TOKENS, row.outputTokens());
        setIfKnown(span, SpanAttributes.FALLBACK, row.fallback());
        setIfKnown(span, SpanAttributes.ATTEMPTS, row.attempts());
        setIfKnown(
                span,
                SpanAttributes.COST,
                row.cost() == null ? null : row.cost().doubleValue());
        setIfKnown(
                span,
                SpanAttributes.STRONG_COST,
                row.strongCost() == null ? null : row.strongCost().doubleValue());
        if (row.usageEstimated()) {
            span.setAttribute(SpanAttributes.USAGE_ESTIMATED, true);
        }
        span.setAttribute(SpanAttributes.OUTCOME, row.outcome());
        if (!"ok".equals(row.outcome())) {
            span.setStatus(StatusCode.ERROR, row.outcome());
        }
        span.end();
    }

    private static <T> void setIfKnown(Span span, AttributeKey<T> key, T value) {
        if (value != null) {
            span.setAttribute(key, value);
        }
    }

    private static AttributeKey<String> textKey(DecisionField field) {
        return switch (field) {
            case ROUTE -> SpanAttributes.ROUTE;
            case TIER -> SpanAttributes.TIER;
            case POLICY -> SpanAttributes.POLICY;
            case ROUTER_VERSION -> SpanAttributes.ROUTER_VERSION;
            case CANDIDATES -> SpanAttributes.CANDIDATES;
            default -> throw new IllegalArgumentException(field + " is a number");
        };
    }

    private static AttributeKey<Double> numberKey(DecisionField field) {
        return switch (field) {
            case STRONG_PROBABILITY -> SpanAttributes.STRONG_PROBABILITY;
            case THRESHOLD -> SpanAttributes.THRESHOLD;
            case DECISION_MS -> SpanAttributes.DECISION_MS;
            default -> throw new IllegalArgumentException(field + " is text");
        };
    }
}
