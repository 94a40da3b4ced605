package dev.triage.routing;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Which model must answer and why: a route's decision (its tier, the reason, and for the learned policy the predicted
 * probability that the strong model is needed, the threshold it was compared with, the router's version and the time
 * the decision took; for a pool policy its candidates as scored), or {@link #direct} for a request that named a model. {@link #fields()} is the one place that says
 * which of these facts a decision has: the response headers, the span attributes and the ledger columns come from it.
 */
public record Decision(
        String route,
        String model,
        Tier tier,
        Reason reason,
        Double strongProbability,
        Double threshold,
        String routerVersion,
        Double decisionMillis,
        String explanation,
        String candidates) {

    /** A request that named {@code model} itself: no route, no tier. */
    public static Decision direct(String model) {
        return new Decision(null, model, null, Reason.DIRECT, null, null, null, null, "named directly", null);
    }

    static Decision fixed(String route, String model, Double threshold) {
        return new Decision(
                route,
                model,
                Tier.FIXED,
                Reason.FIXED,
                null,
                threshold,
                null,
                null,
                "route '" + route + "' always uses " + model,
                null);
    }

    /** Whether a route decided (rather than the request naming its model). */
    public boolean routed() {
        return reason != Reason.DIRECT;
    }

    /** The facts this decision has, in a fixed order: text as {@link String}, numbers as {@link Double}. */
    public Map<DecisionField, Object> fields() {
        Map<DecisionField, Object> fields = new EnumMap<>(DecisionField.class);
        if (routed()) {
            fields.put(DecisionField.ROUTE, route);
            fields.put(DecisionField.TIER, tier.label());
            fields.put(DecisionField.POLICY, reason.label());
            putIfKnown(fields, DecisionField.STRONG_PROBABILITY, strongProbability);
            putIfKnown(fields, DecisionField.THRESHOLD, threshold);
            putIfKnown(fields, DecisionField.DECISION_MS, decisionMillis);
            putIfKnown(fields, DecisionField.ROUTER_VERSION, routerVersion);
            putIfKnown(fields, DecisionField.CANDIDATES, candidates);
        }
        return Collections.unmodifiableMap(fields);
    }

    /** One text fact, or {@code null} when the decision has none (a ledger column's value). */
    public String text(DecisionField field) {
        return (String) fields().get(field);
    }

    /** One numeric fact, or {@code null} when the decision has none. */
    public Double number(DecisionField field) {
        return (Double) fields().get(field);
    }

    private static void putIfKnown(Map<DecisionField, Object> fields, DecisionField field, Object value) {
        if (value != null) {
            fields.put(field, value);
        }
    }
}
