package dev.triage.tools.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

import dev.triage.routing.learned.DifficultyClassifier;

class DifficultyHeadTest {

    // the target follows the first feature; the prompts' lengths run the other way
    private static final float[][] FEATURES = {{0}, {1}, {2}, {3}};
    private static final String[] PROMPTS = {"a".repeat(1000), "a".repeat(100), "a".repeat(10), "a"};
    private static final double[] TARGETS = {-1.5, -0.5, 0.5, 1.5};
    private static final double[] WEIGHTS = {1, 1, 1, 1};

    @Test
    void theClassifierScoresTheStandardisedHeadPlusTheBlendedStandardisedLength() {
        DifficultyHead head = DifficultyHead.fit(FEATURES, PROMPTS, TARGETS, WEIGHTS, 1e-9);
        double[] ridge = new double[4];
        double[] length = new double[4];
        for (int i = 0; i < 4; i++) {
            ridge[i] = head.ridge().predict(FEATURES[i]);
            length[i] = DifficultyClassifier.lengthFeature(PROMPTS[i]);
        }
        DifficultyHead.Spread scores = DifficultyHead.Spread.of(ridge, WEIGHTS);
        DifficultyHead.Spread lengths = DifficultyHead.Spread.of(length, WEIGHTS);
        DifficultyClassifier classifier = head.classifier(0.5);
        for (int i = 0; i < 4; i++) {
            double z = (ridge[i] - scores.mean()) / scores.sd() + 0.5 * (length[i] - lengths.mean()) / lengths.sd();
            assertThat(classifier.strongWinProbability(FEATURES[i], PROMPTS[i]))
                    .isCloseTo(1 / (1 + Math.exp(-z)), within(1e-5));
        }
    }

    @Test
    void blendZeroRanksByTheEmbeddingAndALargeBlendByLength() {
        DifficultyHead head = DifficultyHead.fit(FEATURES, PROMPTS, TARGETS, WEIGHTS, 1e-9);
        DifficultyClassifier embeddingOnly = head.classifier(0);
        DifficultyClassifier lengthMostly = head.classifier(3);
        for (int i = 0; i < 3; i++) {
            assertThat(embeddingOnly.strongWinProbability(FEATURES[i + 1], PROMPTS[i + 1]))
                    .isGreaterThan(embeddingOnly.strongWinProbability(FEATURES[i], PROMPTS[i]));
            assertThat(lengthMostly.strongWinProbability(FEATURES[i], PROMPTS[i]))
                    .isGreaterThan(lengthMostly.strongWinProbability(FEATURES[i + 1], PROMPTS[i + 1]));
        }
    }
}
