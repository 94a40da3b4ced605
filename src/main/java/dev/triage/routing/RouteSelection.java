package dev.triage.routing;

import dev.triage.openai.ChatCompletionRequest;
import io.smallrye.mutiny.Uni;

/** A route picked by a request's {@code model} field, with the threshold the name carried, if any. */
public record RouteSelection(String route, RoutePolicy policy, Double threshold) {

    public Uni<Decision> decide(ChatCompletionRequest request) {
        return policy.decide(route, request, threshold);
    }
}
