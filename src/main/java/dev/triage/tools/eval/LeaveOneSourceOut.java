package dev.triage.tools.eval;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import dev.triage.routing.learned.DifficultyClassifier;
import dev.triage.routing.learned.MatrixFactorization;
import dev.triage.tools.training.Battle;
import dev.triage.tools.training.DifficultyHead;
import dev.triage.tools.training.MfTrainer;
import dev.triage.tools.training.TrainingData;

/**
 * The validation that predicts transfer: for each source, a head trained on every other source (none of the held-out
 * source's prompts, not even where another source shares them) scores the held-out one. The head here is ridge
 * regression from the prompt's embedding to the strong model's advantage ({@code strong - weak} score), standardised
 * within each source so that no source's base rate (what its labels mean) is learned as a feature of its prompts, each
 * source weighing the same times its configured weight. The same head trained on the held-out source's own training
 * prompts too shows, by contrast, how much is learnable within a source.
 */
public final class LeaveOneSourceOut {

    private LeaveOneSourceOut() {}

    /** Per source, in order: a head that never saw it. */
    public static List<DifficultyHead> folds(
            List<SourcePairs> sources, Map<String, float[]> embeddings, TrainingData data, double lambda) {
        if (sources.size() < 2) {
            throw new IllegalArgumentException("leaving one source out needs two or more sources with a strong and a "
                    + "weak model on " + OutcomeSources.MIN_PROMPTS + "+ prompts; the data has " + sources.size());
        }
        return sources.stream()
                .map(held -> fit(held, sources, embeddings, data, lambda, prompt -> false))
                .toList();
    }

    /**
     * A head trained on every source, {@code held} included only for its prompts that {@code trainable} accepts; its
     * other prompts are in no source's training rows.
     */
    public static DifficultyHead fit(
            SourcePairs held,
            List<SourcePairs> sources,
            Map<String, float[]> embeddings,
            TrainingData data,
            double lambda,
            Predicate<String> trainable) {
        Set<String> unseen = new HashSet<>();
        held.rows().stream().map(EvalRow::prompt).filter(trainable.negate()).forEach(unseen::add);
        return fit(sources, embeddings, data, lambda, unseen);
    }

    /** The head on every prompt of every source: the one the trainer ships. */
    public static DifficultyHead fitAll(
            List<SourcePairs> sources, Map<String, float[]> embeddings, TrainingData data, double lambda) {
        return fit(sources, embeddings, data, lambda, Set.of());
    }

    /** {@code P(strong needed)} of each of {@code source}'s rows by {@code classifier}. */
    public static double[] scores(
            SourcePairs source, DifficultyClassifier classifier, Map<String, float[]> embeddings) {
        return source.rows().stream()
                .mapToDouble(row -> classifier.strongWinProbability(embeddings.get(row.prompt()), row.prompt()))
                .toArray();
    }

    private static DifficultyHead fit(
            List<SourcePairs> sources,
            Map<String, float[]> embeddings,
            TrainingData data,
            double lambda,
            Set<String> unseen) {
        List<float[]> features = new ArrayList<>();
        List<String> prompts = new ArrayList<>();
        List<Double> targets = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        for (SourcePairs source : sources) {
            List<EvalRow> rows = source.rows().stream()
                    .filter(row -> !unseen.contains(row.prompt()))
                    .toList();
            double[] advantage = standardised(rows);
            double weight = data.source(source.source()).weight() / Math.max(1, rows.size());
            for (int i = 0; i < rows.size(); i++) {
                features.add(embeddings.get(rows.get(i).prompt()));
                prompts.add(rows.get(i).prompt());
                targets.add(advantage[i]);
                weights.add(weight);
            }
        }
        return DifficultyHead.fit(
                features.toArray(float[][]::new),
                prompts.toArray(String[]::new),
                targets.stream().mapToDouble(Double::doubleValue).toArray(),
                weights.stream().mapToDouble(Double::doubleValue).toArray(),
                lambda);
    }

    /**
     * The scores of {@code held}'s rows by the win-rate model ({@code P(strong beats weak)} for its pair) trained on the
     * battles of every other source, none on a prompt of {@code held}; NaN where that model never met one of the pair.
     */
    public static double[] mfScores(
            SourcePairs held,
            Map<String, List<Battle>> battlesBySource,
            Map<String, float[]> embeddings,
            int epochs,
            long seed) {
        Set<String> unseen = new HashSet<>();
        held.rows().forEach(row -> unseen.add(row.prompt()));
        List<Battle> training = battlesBySource.entrySet().stream()
                .filter(source -> !source.getKey().equals(held.source()))
                .flatMap(source -> source.getValue().stream())
                .filter(battle -> !unseen.contains(battle.prompt()) && embeddings.containsKey(battle.prompt()))
                .toList();
        MatrixFactorization mf =
                MfTrainer.train(training, embeddings, new MfTrainer.Options(16, epochs, 0.005, 1e-3, seed));
        if (!mf.knows(held.strong()) || !mf.knows(held.weak())) {
            return held.rows().stream().mapToDouble(row -> Double.NaN).toArray();
        }
        return held.rows().stream()
                .mapToDouble(row -> mf.winProbability(held.strong(), held.weak(), embeddings.get(row.prompt())))
                .toArray();
    }

    private static double[] standardised(List<EvalRow> rows) {
        double[] advantage = rows.stream()
                .mapToDouble(row -> row.strongScore() - row.weakScore())
                .toArray();
        double mean = java.util.Arrays.stream(advantage).average().orElse(0);
        double variance = java.util.Arrays.stream(advantage)
                .map(a -> (a - mean) * (a - mean))
                .average()
                .orElse(0);
        double sd = variance > 0 ? Math.sqrt(variance) : 1;
        for (int i = 0; i < advantage.length; i++) {
            advantage[i] = (advantage[i] - mean) / sd;
        }
        return advantage;
    }
}
