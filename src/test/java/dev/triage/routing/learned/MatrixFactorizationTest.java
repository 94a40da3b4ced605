package dev.triage.routing.learned;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;

import org.junit.jupiter.api.Test;

class MatrixFactorizationTest {

    // W projects the 3-d embedding onto its first two coordinates
    private final MatrixFactorization mf = new MatrixFactorization(
            new float[][] {{1, 0, 0}, {0, 1, 0}},
            Map.of("strong", new float[] {2, 1}, "weak", new float[] {0, 1}),
            Map.of("strong", 0.5f, "weak", 0f));

    @Test
    void winProbabilityIsTheSigmoidOfTheScoreDifference() {
        float[] q = {1, 3, 7};
        // s(strong) = 2*1 + 1*3 + 0.5 = 5.5; s(weak) = 0*1 + 1*3 + 0 = 3; sigmoid(2.5) = 0.924142
        assertThat(mf.winProbability("strong", "weak", q)).isCloseTo(0.924142, within(1e-6));
        assertThat(mf.winProbability("weak", "strong", q)).isCloseTo(1 - 0.924142, within(1e-6));
        assertThat(mf.winProbability("weak", "weak", q)).isEqualTo(0.5);
    }

    @Test
    void theQueryDecidesTheWinner() {
        // along the third axis nothing is projected: only the biases speak
        assertThat(mf.winProbability("strong", "weak", new float[] {0, 0, 1})).isCloseTo(0.622459, within(1e-6));
        // a query where the strong model's extra dimension is negative flips the outcome
        assertThat(mf.winProbability("strong", "weak", new float[] {-1, 0, 0})).isLessThan(0.5);
    }

    @Test
    void unknownModelsAreRefused() {
        assertThat(mf.knows("strong")).isTrue();
        assertThatThrownBy(() -> mf.winProbability("strong", "gpt-9", new float[3]))
                .hasMessageContaining("'gpt-9' is unknown");
    }

    @Test
    void combinationsMixTheHeadsAsNamed() {
        assertThat(Combination.MF.combine(0.8, 0.2)).isEqualTo(0.8);
        assertThat(Combination.CLASSIFIER.combine(0.8, 0.2)).isEqualTo(0.2);
        assertThat(Combination.MEAN.combine(0.8, 0.2)).isCloseTo(0.5, within(1e-12));
    }
}
