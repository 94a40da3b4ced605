package dev.triage.routing;

/**
 * What a route decided and why: the model that must answer, its tier ({@code strong}, {@code weak} or {@code fixed}),
 * the policy, and for learned policies the predicted probability that the strong model is needed and the threshold it
 * was compared with ({@code null} when the policy does not score).
 */
public record RoutingDecision(String route, String model, String tier, String policy, Double strongProbability,
        Double threshold, String reason) {
}
