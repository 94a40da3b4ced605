package dev.triage.routing.learned;

/**
 * The classifier head: from the query embedding alone, the probability that the strong reference model's answer is
 * preferred over a typical weaker model's (logistic regression over the embedding).
 */
public final class DifficultyClassifier {

    private final float[] weights;
    private final float bias;

    public DifficultyClassifier(float[] weights, float bias) {
        this.weights = weights;
        this.bias = bias;
    }

    public double strongWinProbability(float[] embedding) {
        return Vectors.sigmoid(Vectors.dot(weights, embedding) + bias);
    }

    float[] weights() {
        return weights;
    }

    float bias() {
        return bias;
    }
}
