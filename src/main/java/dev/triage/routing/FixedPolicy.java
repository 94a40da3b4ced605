package dev.triage.routing;

import dev.triage.openai.ChatCompletionRequest;
import io.smallrye.mutiny.Uni;

/** Sends every request to one model. */
final class FixedPolicy implements RoutePolicy {

    private final String model;

    FixedPolicy(String model) {
        this.model = model;
    }

    @Override
    public Uni<RoutingDecision> decide(String route, ChatCompletionRequest request, Double threshold) {
        return Uni.createFrom().item(RoutingDecision.fixed(route, model, threshold));
    }
}
