package dev.triage.tools.training;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import dev.triage.routing.learned.MatrixFactorization;

/**
 * Fits the win-rate model to battles by minimising the cross-entropy of {@code sigmoid(s(a, q) - s(b, q))} against each
 * battle's (soft) outcome, one prompt's battles per Adam step, with L2 on every weight. Deterministic for a seed.
 */
public final class MfTrainer {

    public record Options(int dimensions, int epochs, double learningRate, double l2, long seed) {}

    private MfTrainer() {}

    public static MatrixFactorization train(List<Battle> battles, Map<String, float[]> embeddings, Options options) {
        Map<String, List<Battle>> byPrompt = new LinkedHashMap<>();
        battles.forEach(battle -> byPrompt.computeIfAbsent(battle.prompt(), key -> new ArrayList<>())
                .add(battle));
        int k = options.dimensions();
        int e = embeddings.values().iterator().next().length;
        Random random = new Random(options.seed());
        float[] projection = new float[k * e];
        for (int i = 0; i < projection.length; i++) {
            projection[i] = (float) (random.nextGaussian() * 0.1);
        }
        Map<String, float[]> vectors = new TreeMap<>();
        Map<String, float[]> biases = new TreeMap<>();
        battles.forEach(battle -> {
            for (String model : List.of(battle.modelA(), battle.modelB())) {
                vectors.computeIfAbsent(model, key -> gaussian(random, k, 0.1));
                biases.computeIfAbsent(model, key -> new float[1]);
            }
        });
        Adam projectionAdam = new Adam(projection.length, options.learningRate());
        Map<String, Adam> vectorAdams = new HashMap<>();
        Map<String, Adam> biasAdams = new HashMap<>();
        List<String> prompts = new ArrayList<>(byPrompt.keySet());
        for (int epoch = 0; epoch < options.epochs(); epoch++) {
            Collections.shuffle(prompts, random);
            for (String prompt : prompts) {
                float[] embedding = embeddings.get(prompt);
                float[] z = project(projection, embedding, k);
                float[] dz = new float[k];
                Map<String, float[]> dv = new HashMap<>();
                Map<String, float[]> db = new HashMap<>();
                List<Battle> promptBattles = byPrompt.get(prompt);
                double scale = 1.0 / promptBattles.size();
                for (Battle battle : promptBattles) {
                    float[] va = vectors.get(battle.modelA());
                    float[] vb = vectors.get(battle.modelB());
                    double margin = biases.get(battle.modelA())[0] - biases.get(battle.modelB())[0];
                    for (int i = 0; i < k; i++) {
                        margin += (va[i] - vb[i]) * z[i];
                    }
                    float g = (float) ((1 / (1 + Math.exp(-margin)) - battle.aWins()) * scale);
                    float[] dva = dv.computeIfAbsent(battle.modelA(), key -> new float[k]);
                    float[] dvb = dv.computeIfAbsent(battle.modelB(), key -> new float[k]);
                    for (int i = 0; i < k; i++) {
                        dva[i] += g * z[i];
                        dvb[i] -= g * z[i];
                        dz[i] += g * (va[i] - vb[i]);
                    }
                    db.computeIfAbsent(battle.modelA(), key -> new float[1])[0] += g;
                    db.computeIfAbsent(battle.modelB(), key -> new float[1])[0] -= g;
                }
                float[] dw = new float[projection.length];
                for (int r = 0; r < k; r++) {
                    for (int c = 0; c < e; c++) {
                        dw[r * e + c] = dz[r] * embedding[c] + (float) (options.l2() * projection[r * e + c]);
                    }
                }
                projectionAdam.step(projection, dw);
                dv.forEach((model, gradient) -> {
                    float[] vector = vectors.get(model);
                    for (int i = 0; i < k; i++) {
                        gradient[i] += (float) (options.l2() * vector[i]);
                    }
                    vectorAdams
                            .computeIfAbsent(model, key -> new Adam(k, options.learningRate()))
                            .step(vector, gradient);
                });
                db.forEach((model, gradient) -> biasAdams
                        .computeIfAbsent(model, key -> new Adam(1, options.learningRate()))
                        .step(biases.get(model), gradient));
            }
        }
        float[][] rows = new float[k][];
        for (int r = 0; r < k; r++) {
            rows[r] = java.util.Arrays.copyOfRange(projection, r * e, (r + 1) * e);
        }
        Map<String, Float> biasValues = new TreeMap<>();
        biases.forEach((model, bias) -> biasValues.put(model, bias[0]));
        return new MatrixFactorization(rows, vectors, biasValues);
    }

    private static float[] project(float[] projection, float[] embedding, int k) {
        int e = embedding.length;
        float[] z = new float[k];
        for (int r = 0; r < k; r++) {
            double sum = 0;
            for (int c = 0; c < e; c++) {
                sum += projection[r * e + c] * embedding[c];
            }
            z[r] = (float) sum;
        }
        return z;
    }

    private static float[] gaussian(Random random, int size, double scale) {
        float[] values = new float[size];
        for (int i = 0; i < size; i++) {
            values[i] = (float) (random.nextGaussian() * scale);
        }
        return values;
    }
}
