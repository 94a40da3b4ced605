package dev.triage.tools.training;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.triage.routing.learned.DifficultyClassifier;

/**
 * Fits the classifier head: per prompt, the share of battles in which the strong reference model's answer was
 * preferred over the other model's, learned from the embedding by weighted logistic regression (full-batch Adam, L2).
 */
public final class ClassifierTrainer {

    public record Options(String strongModel, int iterations, double learningRate, double l2) {}

    private ClassifierTrainer() {}

    public static DifficultyClassifier train(List<Battle> battles, Map<String, float[]> embeddings, Options options) {
        Map<String, double[]> wins = new HashMap<>();
        for (Battle battle : battles) {
            double strongWins;
            if (battle.modelA().equals(options.strongModel())) {
                strongWins = battle.aWins();
            } else if (battle.modelB().equals(options.strongModel())) {
                strongWins = 1 - battle.aWins();
            } else {
                continue;
            }
            double[] tally = wins.computeIfAbsent(battle.prompt(), key -> new double[2]);
            tally[0] += strongWins;
            tally[1]++;
        }
        if (wins.isEmpty()) {
            throw new IllegalArgumentException("no battles involve the strong model '" + options.strongModel() + "'");
        }
        int e = embeddings.values().iterator().next().length;
        float[] parameters = new float[e + 1];
        Adam adam = new Adam(parameters.length, options.learningRate());
        double total = wins.values().stream().mapToDouble(tally -> tally[1]).sum();
        for (int iteration = 0; iteration < options.iterations(); iteration++) {
            float[] gradient = new float[parameters.length];
            for (Map.Entry<String, double[]> prompt : wins.entrySet()) {
                float[] x = embeddings.get(prompt.getKey());
                double target = prompt.getValue()[0] / prompt.getValue()[1];
                double weight = prompt.getValue()[1] / total;
                double logit = parameters[e];
                for (int i = 0; i < e; i++) {
                    logit += parameters[i] * x[i];
                }
                float g = (float) ((1 / (1 + Math.exp(-logit)) - target) * weight);
                for (int i = 0; i < e; i++) {
                    gradient[i] += g * x[i];
                }
                gradient[e] += g;
            }
            for (int i = 0; i < e; i++) {
                gradient[i] += (float) (options.l2() * parameters[i]);
            }
            adam.step(parameters, gradient);
        }
        return new DifficultyClassifier(java.util.Arrays.copyOf(parameters, e), parameters[e]);
    }
}
