package dev.triage.routing;

/**
 * What a route decided and why: the model that must answer, its tier ({@code strong}, {@code weak} or {@code fixed}),
 * the policy, and for the learned policy the predicted probability that the strong model is needed, the threshold it was
 * compared with, the router's version and the time the decision took ({@code null} where the policy has none).
 */
public record RoutingDecision(String route, String model, String tier, String policy, Double strongProbability,
        Double threshold, String routerVersion, Double decisionMillis, String reason) {

    static RoutingDecision fixed(String route, String model, Double threshold) {
        return new RoutingDecision(route, model, "fixed", "fixed", null, threshold, null, null,
                "route '" + route + "' always uses " + model);
    }
}
