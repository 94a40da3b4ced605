package dev.triage.routing;

import dev.triage.openai.ChatCompletionRequest;
import io.smallrye.mutiny.Uni;

/** Decides which model answers a chat request sent to a route. Implementations are thread-safe. */
public interface RoutePolicy {

    /**
     * @param threshold the threshold this request asked for (a RouteLLM-style model name), or {@code null} for the
     *        route's own
     */
    Uni<Decision> decide(String route, ChatCompletionRequest request, Double threshold);
}
