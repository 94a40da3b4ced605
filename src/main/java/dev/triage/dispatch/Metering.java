package dev.triage.dispatch;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import dev.triage.access.Caller;
import dev.triage.ledger.LedgerRow;
import dev.triage.ledger.Pricing;
import dev.triage.ledger.RequestFinished;
import dev.triage.openai.OpenAiException;
import dev.triage.openai.Usage;
import dev.triage.providers.ModelTarget;
import dev.triage.providers.ProviderRegistry;
import dev.triage.routing.Decision;
import dev.triage.routing.DecisionField;
import dev.triage.routing.FallbackRole;
import dev.triage.routing.RouteTable;

/**
 * Turns an ended request into its ledger row and hands it on, once: its span ends with it, and {@link RequestFinished}
 * goes to the ledger, the metrics and the key limits. Cost is at the answering model's prices; the strong cost prices
 * the same tokens at the route's strong model, so savings are exact (a model named directly is its own strong model:
 * no savings).
 */
@ApplicationScoped
class Metering {

    /** What is known of a request before it is forwarded; {@code id} is its ledger row's (and its reservation's). */
    record Started(UUID id, String requestId, Caller caller, Decision decision, RequestTrace.Traced traced) {

        Started(String requestId, Caller caller, Decision decision, RequestTrace.Traced traced) {
            this(UUID.randomUUID(), requestId, caller, decision, traced);
        }
    }

    /** How a forwarded request ended; {@code answered} is {@code null} when no model answered. */
    record Ended(
            ModelTarget answered,
            FallbackRole role,
            String attempts,
            Usage usage,
            int status,
            String outcome,
            boolean streamed) {}

    private final ProviderRegistry providers;
    private final RouteTable routes;
    private final RequestTrace trace;
    private final Event<RequestFinished> finished;

    Metering(ProviderRegistry providers, RouteTable routes, RequestTrace trace, Event<RequestFinished> finished) {
        this.providers = providers;
        this.routes = routes;
        this.trace = trace;
        this.finished = finished;
    }

    void ended(Started started, Ended ended) {
        double millis = (System.nanoTime() - started.traced().startNanos()) / 1e6;
        Decision decision = started.decision();
        ModelTarget model = ended.answered();
        ModelTarget strong = decision.routed()
                ? providers.find(routes.strongModel(decision.route())).orElse(model)
                : model;
        LedgerRow row = new LedgerRow(
                started.id(),
                Instant.now(),
                started.requestId(),
                started.caller().id(),
                decision.text(DecisionField.ROUTE),
                decision.text(DecisionField.TIER),
                decision.number(DecisionField.STRONG_PROBABILITY),
                decision.number(DecisionField.THRESHOLD),
                model == null ? null : model.name(),
                ended.role() == FallbackRole.PRIMARY ? null : ended.role().label(),
                ended.attempts(),
                ended.usage().inputTokens(),
                ended.usage().outputTokens(),
                cost(ended.usage(), model),
                cost(ended.usage(), strong),
                millis,
                ended.status(),
                ended.outcome(),
                ended.streamed(),
                ended.usage().estimated());
        trace.ended(started.traced(), row);
        finished.fire(new RequestFinished(row, started.caller().virtualKeyId()));
    }

    /** A request that every model of its chain failed. */
    void failed(Started started, Throwable failure, boolean streamed) {
        OpenAiException error = failure instanceof OpenAiException known ? known : null;
        ended(
                started,
                new Ended(
                        null,
                        FallbackRole.PRIMARY,
                        error == null ? null : error.headers().get(Dispatched.ATTEMPTS_HEADER),
                        Usage.UNKNOWN,
                        error == null ? 500 : error.status(),
                        error == null ? "internal_error" : error.code(),
                        streamed));
    }

    /** A request whose client went away before any model answered. */
    void abandoned(Started started, boolean streamed) {
        ended(
                started,
                new Metering.Ended(null, FallbackRole.PRIMARY, null, Usage.UNKNOWN, 499, "client_closed", streamed));
    }

    private static BigDecimal cost(Usage usage, ModelTarget model) {
        return model == null ? null : Pricing.cost(usage, model.inputPricePerMillion(), model.outputPricePerMillion());
    }
}
