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
    public Uni<Decision> decide(String route, ChatCompletionRequest request, Double threshold) {
        return Uni.createFrom().item(Decision.fixed(route, model, threshold));
    }
}
