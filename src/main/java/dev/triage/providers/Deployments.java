package dev.triage.providers;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.ToDoubleFunction;

/**
 * A model's deployments (the providers serving it) and how one call picks among them: the one it goes to first, then
 * the others in their configured order, so that a deployment that fails, cools down after a 429 or has its circuit
 * open hands the call on to the next before the model's own fallbacks.
 */
final class Deployments {

    record Weighted(ModelTarget target, int weight) {}

    private final List<Weighted> deployments;
    private final ProvidersConfig.Balance balance;
    private final int totalWeight;

    Deployments(List<Weighted> deployments, ProvidersConfig.Balance balance) {
        this.deployments = List.copyOf(deployments);
        this.balance = balance;
        this.totalWeight = deployments.stream().mapToInt(Weighted::weight).sum();
    }

    ModelTarget primary() {
        return deployments.getFirst().target();
    }

    List<ModelTarget> all() {
        return deployments.stream().map(Weighted::target).toList();
    }

    /** The deployments in the order one call tries them. */
    List<ModelTarget> forCall() {
        if (deployments.size() == 1) {
            return List.of(primary());
        }
        Weighted first = switch (balance) {
            case WEIGHTED -> drawn();
            case LEAST_BUSY ->
                lowest(deployment -> deployment.target().provider().inFlight());
            case LOWEST_LATENCY ->
                lowest(deployment -> deployment
                        .target()
                        .provider()
                        .recentMillis(deployment.target().upstreamModel())
                        .orElse(0));
        };
        List<ModelTarget> order = new ArrayList<>(List.of(first.target()));
        deployments.stream().filter(deployment -> deployment != first).forEach(d -> order.add(d.target()));
        return order;
    }

    /** The deployment of least {@code measure}; the heavier of equals, then the first configured. */
    private Weighted lowest(ToDoubleFunction<Weighted> measure) {
        return deployments.stream()
                .min(Comparator.comparingDouble(measure)
                        .thenComparing(Comparator.comparingInt(Weighted::weight).reversed()))
                .orElseThrow();
    }

    private Weighted drawn() {
        int ticket = ThreadLocalRandom.current().nextInt(totalWeight);
        for (Weighted deployment : deployments) {
            ticket -= deployment.weight();
            if (ticket < 0) {
                return deployment;
            }
        }
        return deployments.getLast();
    }
}
