package dev.triage.routing;

import java.util.Locale;

import dev.triage.openai.ChatCompletionRequest;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * Sends a request to the strong model when the learned router's {@code P(strong needed)} for its last user message is at
 * or above the threshold, otherwise to the weak model. If the router cannot decide, the strong model answers: a failure
 * may cost money, never quality.
 */
final class LearnedPolicy implements RoutePolicy {

    private final RouterService service;
    private final String strong;
    private final String weak;
    private final String strongId;
    private final String weakId;
    private final double threshold;

    LearnedPolicy(RouterService service, String strong, String weak, double threshold) {
        this.service = service;
        this.strong = strong;
        this.weak = weak;
        this.strongId = service.modelId(strong, service.router().manifest().defaultStrong());
        this.weakId = service.modelId(weak, service.router().manifest().defaultWeak());
        this.threshold = threshold;
    }

    @Override
    public Uni<RoutingDecision> decide(String route, ChatCompletionRequest request, Double asked) {
        double limit = asked != null ? asked : threshold;
        long start = System.nanoTime();
        String version = service.router().manifest().version();
        if (service.loading() && service.answersWhileLoading()) {
            return Uni.createFrom().item(new RoutingDecision(route, strong, "strong", "warming", null, limit, version,
                    millisSince(start), "encoder still loading: strong model until it is ready"));
        }
        return service.embed(request.lastUserText())
                .map(embedding -> {
                    double p = service.router().strongNeeded(embedding, strongId, weakId);
                    boolean needsStrong = p >= limit;
                    return new RoutingDecision(route, needsStrong ? strong : weak, needsStrong ? "strong" : "weak",
                            "learned", p, limit, version, millisSince(start), String.format(Locale.ROOT,
                                    "p=%.4f %s threshold %.4f", p, needsStrong ? ">=" : "<", limit));
                })
                .onFailure().recoverWithItem(failure -> {
                    service.countFailure();
                    Log.warnf("Route %s could not decide (%s); the strong model answers", route, failure.toString());
                    return new RoutingDecision(route, strong, "strong", "learned", null, limit, version,
                            millisSince(start), "router failed, strong model as fail-safe");
                });
    }

    private static double millisSince(long start) {
        return (System.nanoTime() - start) / 1e6;
    }
}
