package dev.triage.tools.training;

import dev.triage.routing.learned.DifficultyClassifier;

/**
 * The classifier head as trained: a ridge fit from the embedding to the strong model's standardised advantage, plus the
 * spread of its scores and of the prompts' log length on its training rows, so that a length term can be blended in on
 * the same scale: {@code score = z(ridge) + lengthBlend · z(ln(1 + characters))}. Length alone ({@code lengthBlend} large)
 * and the embedding alone ({@code 0}) are the two ends; the trainer picks the blend on sources left out.
 */
public record DifficultyHead(Ridge ridge, Spread scores, Spread lengths) {

    /** The weighted mean and standard deviation of one quantity over the training rows. */
    public record Spread(double mean, double sd) {

        static Spread of(double[] values, double[] weights) {
            double total = 0;
            double sum = 0;
            for (int i = 0; i < values.length; i++) {
                total += weights[i];
                sum += weights[i] * values[i];
            }
            double mean = sum / total;
            double squares = 0;
            for (int i = 0; i < values.length; i++) {
                squares += weights[i] * (values[i] - mean) * (values[i] - mean);
            }
            double sd = Math.sqrt(squares / total);
            return new Spread(mean, sd > 0 ? sd : 1);
        }
    }

    public static DifficultyHead fit(
            float[][] features, String[] prompts, double[] targets, double[] rowWeights, double lambda) {
        Ridge ridge = Ridge.fit(features, targets, rowWeights, lambda);
        double[] scores = new double[features.length];
        double[] lengths = new double[features.length];
        for (int i = 0; i < features.length; i++) {
            scores[i] = ridge.predict(features[i]);
            lengths[i] = DifficultyClassifier.lengthFeature(prompts[i]);
        }
        return new DifficultyHead(ridge, Spread.of(scores, rowWeights), Spread.of(lengths, rowWeights));
    }

    /** The gateway's classifier for this head with the given blend of the length term. */
    public DifficultyClassifier classifier(double lengthBlend) {
        double[] w = ridge.weights();
        float[] weights = new float[w.length];
        for (int i = 0; i < w.length; i++) {
            weights[i] = (float) (w[i] / scores.sd());
        }
        double lengthWeight = lengthBlend / lengths.sd();
        double bias = (ridge.intercept() - scores.mean()) / scores.sd() - lengthWeight * lengths.mean();
        return new DifficultyClassifier(weights, (float) bias, (float) lengthWeight);
    }
}
