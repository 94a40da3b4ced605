package dev.triage.routing.learned;

import java.util.Map;
import java.util.Set;

/**
 * The win-rate model: one learned vector and bias per model and a projection of the query embedding, so that
 * {@code s(m, q) = v_m · (W e_q) + b_m} and {@code P(a beats b | q) = sigmoid(s(a, q) - s(b, q))} for any two known models.
 */
public final class MatrixFactorization {

    private final float[][] projection;
    private final Map<String, float[]> modelVectors;
    private final Map<String, Float> modelBiases;

    public MatrixFactorization(
            float[][] projection, Map<String, float[]> modelVectors, Map<String, Float> modelBiases) {
        this.projection = projection;
        this.modelVectors = Map.copyOf(modelVectors);
        this.modelBiases = Map.copyOf(modelBiases);
    }

    public boolean knows(String model) {
        return modelVectors.containsKey(model);
    }

    public Set<String> models() {
        return modelVectors.keySet();
    }

    /** {@code P(a beats b | q)} for the query embedding {@code embedding}. */
    public double winProbability(String a, String b, float[] embedding) {
        float[] projected = Vectors.multiply(projection, embedding);
        return Vectors.sigmoid(score(a, projected) - score(b, projected));
    }

    private double score(String model, float[] projected) {
        float[] vector = modelVectors.get(model);
        if (vector == null) {
            throw new IllegalArgumentException("model '" + model + "' is unknown to the win-rate model");
        }
        return Vectors.dot(vector, projected) + modelBiases.get(model);
    }

    float[][] projection() {
        return projection;
    }

    Map<String, float[]> modelVectors() {
        return modelVectors;
    }

    Map<String, Float> modelBiases() {
        return modelBiases;
    }
}
