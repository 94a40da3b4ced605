package dev.triage.routing.learned;

/**
 * The classifier head: from the query embedding and the prompt's length, how much the prompt needs the strong model,
 * as a probability ({@code sigmoid(w · e + lengthWeight · ln(1 + characters) + bias)}). The trainer fits {@code w} to
 * the strong model's advantage on every source it has outcomes for and chooses {@code lengthWeight} on sources it left
 * out; {@code 0} for a router trained before the length term existed.
 */
public final class DifficultyClassifier {

    private final float[] weights;
    private final float bias;
    private final float lengthWeight;

    public DifficultyClassifier(float[] weights, float bias, float lengthWeight) {
        this.weights = weights;
        this.bias = bias;
        this.lengthWeight = lengthWeight;
    }

    public double strongWinProbability(float[] embedding, String prompt) {
        return Vectors.sigmoid(Vectors.dot(weights, embedding) + lengthWeight * lengthFeature(prompt) + bias);
    }

    /** The length term's input, the same in training and in the gateway. */
    public static double lengthFeature(String prompt) {
        return Math.log1p(prompt.length());
    }

    float[] weights() {
        return weights;
    }

    float bias() {
        return bias;
    }

    float lengthWeight() {
        return lengthWeight;
    }
}
