package dev.triage.routing.learned;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class ScoreRanksTest {

    /** Scores 0.2 to 0.7 spread evenly: percentile k is 0.2 + 0.005 k. */
    private static final ScoreRanks EVEN = new ScoreRanks(
            IntStream.rangeClosed(0, 100).mapToObj(k -> 0.2 + 0.005 * k).toList());

    @Test
    void aScoresRankIsTheShareOfTrainingScoresBelowIt() {
        assertThat(EVEN.rank(0.45)).isCloseTo(0.5, within(1e-9));
        assertThat(EVEN.rank(0.3025)).isCloseTo(0.205, within(1e-9));
        assertThat(EVEN.rank(0.1)).isZero();
        assertThat(EVEN.rank(0.9)).isEqualTo(1);
    }

    @Test
    void scoreIsTheInverseOfRank() {
        for (double rank = 0; rank <= 1; rank += 0.037) {
            assertThat(EVEN.rank(EVEN.score(rank))).isCloseTo(rank, within(1e-9));
        }
        assertThat(EVEN.score(-1)).isEqualTo(0.2);
        assertThat(EVEN.score(2)).isEqualTo(0.7);
    }

    @Test
    void aScoreSharedByManyPercentilesRanksInTheMiddleOfThem() {
        List<Double> tied = IntStream.rangeClosed(0, 100)
                .mapToObj(k -> k < 40 ? k / 100.0 : k <= 60 ? 0.5 : k / 100.0)
                .toList();
        assertThat(new ScoreRanks(tied).rank(0.5)).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void percentilesMustBeComplete() {
        assertThatThrownBy(() -> new ScoreRanks(List.of(0.1, 0.2))).isInstanceOf(IllegalArgumentException.class);
        assertThat(ScoreRanks.percentilesOf(new double[] {3, 1, 2}))
                .hasSize(101)
                .startsWith(1.0)
                .endsWith(3.0);
    }
}
