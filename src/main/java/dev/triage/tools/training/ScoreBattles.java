package dev.triage.tools.training;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Battles from per-prompt scores, for the win-rate model: on each prompt, the source's strong model against every other
 * model it scored, won by the higher score, and a tie (0.5) on equal scores, the most common case: the other model
 * suffices there, which is what the router must learn too.
 */
public final class ScoreBattles {

    private ScoreBattles() {}

    public static List<Battle> of(ScoreFile.Source source, TrainingData data) {
        Set<String> scored = new HashSet<>();
        source.scores().values().forEach(models -> scored.addAll(models.keySet()));
        List<Battle> battles = new ArrayList<>();
        data.pairAmong(scored).ifPresent(pair -> {
            String strong = pair.getFirst();
            source.scores().forEach((prompt, models) -> {
                Double strongScore = models.get(strong);
                if (strongScore == null) {
                    return;
                }
                models.forEach((model, score) -> {
                    if (!model.equals(strong)) {
                        double aWins = switch (PairOutcome.of(strongScore, score)) {
                            case STRONG_NEEDED -> 1;
                            case TIE -> 0.5;
                            case WEAK_BETTER -> 0;
                        };
                        battles.add(new Battle(prompt, strong, model, aWins, source.key()));
                    }
                });
            });
        });
        return battles;
    }
}
