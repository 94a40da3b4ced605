package dev.triage.routing.learned;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class FirstStageTest {

    /** A first stage whose score is its own rank (percentile k is k/100), trusted 0.15 away from the threshold. */
    private static final FirstStage STAGE = new FirstStage(
            null,
            new ScoreRanks(
                    IntStream.rangeClosed(0, 100).mapToObj(k -> k / 100.0).toList()),
            0.15);

    @Test
    void decidesOnlyWhereItsRankIsClearOfTheThresholdsRank() {
        assertThat(STAGE.judge(0.9, 0.6)).isEqualTo(FirstStage.Verdict.STRONG);
        assertThat(STAGE.judge(0.75, 0.6)).isEqualTo(FirstStage.Verdict.STRONG);
        assertThat(STAGE.judge(0.74, 0.6)).isEqualTo(FirstStage.Verdict.UNSURE);
        assertThat(STAGE.judge(0.46, 0.6)).isEqualTo(FirstStage.Verdict.UNSURE);
        assertThat(STAGE.judge(0.44, 0.6)).isEqualTo(FirstStage.Verdict.WEAK);
    }

    /** What `bin/router score` reports routes every prompt at every threshold as the gateway's two stages do. */
    @Test
    void theCombinedRankDecidesAsTheTwoStagesAtEveryThreshold() {
        java.util.Random random = new java.util.Random(3);
        for (int i = 0; i < 10_000; i++) {
            double first = random.nextDouble();
            double encoder = random.nextDouble();
            double cut = random.nextDouble();
            FirstStage.Verdict verdict = STAGE.judge(first, cut);
            boolean twoStages =
                    verdict == FirstStage.Verdict.UNSURE ? encoder >= cut : verdict == FirstStage.Verdict.STRONG;
            assertThat(STAGE.combinedRank(first, encoder) >= cut).isEqualTo(twoStages);
        }
    }

    @Test
    void thresholdsAtTheEndsLeaveOnlyOneSideToDecide() {
        // threshold 0 (everything strong): the first stage never says weak, and leaves the lowest ranks to the encoder
        assertThat(STAGE.judge(0.0, 0)).isEqualTo(FirstStage.Verdict.UNSURE);
        assertThat(STAGE.judge(0.2, 0)).isEqualTo(FirstStage.Verdict.STRONG);
        // threshold 1 (everything weak): never strong
        assertThat(STAGE.judge(1.0, 1)).isEqualTo(FirstStage.Verdict.UNSURE);
        assertThat(STAGE.judge(0.5, 1)).isEqualTo(FirstStage.Verdict.WEAK);
    }

    @Test
    void aMarginOfZeroDecidesEverythingAndOneNothing() {
        assertThat(STAGE.withMargin(0).judge(0.61, 0.6)).isEqualTo(FirstStage.Verdict.STRONG);
        assertThat(STAGE.withMargin(1).judge(1.0, 0)).isEqualTo(FirstStage.Verdict.STRONG);
        assertThat(STAGE.withMargin(1).judge(0.9, 0.5)).isEqualTo(FirstStage.Verdict.UNSURE);
        assertThatThrownBy(() -> STAGE.withMargin(1.5)).isInstanceOf(IllegalArgumentException.class);
    }
}
