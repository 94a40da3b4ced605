package dev.triage.routing;

import java.util.Locale;
import java.util.Optional;

import dev.triage.openai.ChatCompletionRequest;
import dev.triage.routing.learned.FirstStage;
import dev.triage.routing.learned.ScoreRanks;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * Sends a request to the strong model when the learned router's {@code P(strong needed)} for its last user message is at
 * or above the threshold, otherwise to the weak model. The router's first stage decides the prompts it ranks clearly on
 * one side of the threshold without the encoder, from the moment it is loaded (before the encoder, when the token table
 * is cached). If the router cannot decide, the strong model answers: a failure may
 * cost money, never quality.
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
        String prompt = request.lastUserText();
        Optional<Decision> early = firstStage(route, prompt, limit, start);
        if (early.isPresent()) {
            embedder.countFirstStageDecision();
            return Uni.createFrom().item(early.get());
        }
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
                            "encoder still loading: strong model until it is ready",
                            null));
        }
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
                            String.format(Locale.ROOT, "p=%.4f %s threshold %.4f", p, needsStrong ? ">=" : "<", limit),
                            null);
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
                            "router failed, strong model as fail-safe",
                            null);
                });
    }

    /**
     * The first stage's decision, when it has the token table and ranks the prompt further than its margin from the
     * threshold's rank. Its score is reported on the encoder router's scale (the encoder's score at the same rank), so
     * that {@code p} and the threshold compare the same way whichever stage decided; its version names the stage.
     */
    private Optional<Decision> firstStage(String route, String prompt, double limit, long start) {
        Optional<FirstStage> stage = learned.models().firstStage();
        if (stage.isEmpty()) {
            return Optional.empty();
        }
        Optional<float[]> tokens = learned.embedder().tokenEmbedding(prompt);
        if (tokens.isEmpty()) {
            return Optional.empty();
        }
        double score = stage.get().router().strongNeeded(tokens.get(), prompt, strongId, weakId);
        ScoreRanks ranks = learned.models().router().ranks();
        double cut = ranks.rank(limit);
        FirstStage.Verdict verdict = stage.get().judge(score, cut);
        if (verdict == FirstStage.Verdict.UNSURE) {
            return Optional.empty();
        }
        boolean needsStrong = verdict == FirstStage.Verdict.STRONG;
        double rank = stage.get().rank(score);
        double onEncoderScale =
                needsStrong ? Math.max(ranks.score(rank), limit) : Math.min(ranks.score(rank), Math.nextDown(limit));
        return Optional.of(new Decision(
                route,
                needsStrong ? strong : weak,
                needsStrong ? Tier.STRONG : Tier.WEAK,
                Reason.LEARNED,
                onEncoderScale,
                limit,
                stage.get().router().manifest().version(),
                millisSince(start),
                String.format(
                        Locale.ROOT,
                        "first stage: rank %.3f %s threshold's rank %.3f by more than %.2f",
                        rank,
                        needsStrong ? ">=" : "<",
                        cut,
                        stage.get().margin()),
                null));
    }

    /** The routing rule itself: at or above the threshold, the strong model is needed. */
    static boolean needsStrong(double strongProbability, double threshold) {
        return strongProbability >= threshold;
    }

    private static double millisSince(long start) {
        return (System.nanoTime() - start) / 1e6;
    }
}
