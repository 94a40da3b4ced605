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

    private final LearnedRouting learned;
    private final String strong;
    private final String weak;
    private final String strongId;
    private final String weakId;
    private final double threshold;

    LearnedPolicy(LearnedRouting learned, String strong, String weak, double threshold) {
        this.learned = learned;
        this.strong = strong;
        this.weak = weak;
        RouterModels models = learned.models();
        this.strongId = models.modelId(strong, models.manifest().defaultStrong());
        this.weakId = models.modelId(weak, models.manifest().defaultWeak());
        this.threshold = threshold;
    }

    @Override
    public Uni<Decision> decide(String route, ChatCompletionRequest request, Double asked) {
        double limit = asked != null ? asked : threshold;
        long start = System.nanoTime();
        String version = learned.models().manifest().version();
        PromptEmbedder embedder = learned.embedder();
        if (embedder.loading() && learned.answersWhileLoading()) {
            return Uni.createFrom()
                    .item(new Decision(
                            route,
                            strong,
                            Tier.STRONG,
                            Reason.WARMING,
                            null,
                            limit,
                            version,
                            millisSince(start),
                            "encoder still loading: strong model until it is ready"));
        }
        String prompt = request.lastUserText();
        return embedder.embed(prompt)
                .map(embedding -> {
                    double p = learned.models().router().strongNeeded(embedding, prompt, strongId, weakId);
                    boolean needsStrong = needsStrong(p, limit);
                    return new Decision(
                            route,
                            needsStrong ? strong : weak,
                            needsStrong ? Tier.STRONG : Tier.WEAK,
                            Reason.LEARNED,
                            p,
                            limit,
                            version,
                            millisSince(start),
                            String.format(Locale.ROOT, "p=%.4f %s threshold %.4f", p, needsStrong ? ">=" : "<", limit));
                })
                .onFailure()
                .recoverWithItem(failure -> {
                    embedder.countFailure();
                    Log.warnf("Route %s could not decide (%s); the strong model answers", route, failure.toString());
                    return new Decision(
                            route,
                            strong,
                            Tier.STRONG,
                            Reason.LEARNED,
                            null,
                            limit,
                            version,
                            millisSince(start),
                            "router failed, strong model as fail-safe");
                });
    }

    /** The routing rule itself: at or above the threshold, the strong model is needed. */
    static boolean needsStrong(double strongProbability, double threshold) {
        return strongProbability >= threshold;
    }

    private static double millisSince(long start) {
        return (System.nanoTime() - start) / 1e6;
    }
}
