package dev.triage.tools.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PoolCurveTest {

    /** "big" is right on both prompts at 10 a prompt; "small" only on the easy one, at 1; the router sees which. */
    private static final List<PoolCurve.Prompt> PROMPTS = List.of(
            new PoolCurve.Prompt(
                    Map.of("big", 1.0, "small", 1.0),
                    Map.of("big", 10.0, "small", 1.0),
                    Map.of("big", 0.0, "small", 0.1)),
            new PoolCurve.Prompt(
                    Map.of("big", 1.0, "small", 0.0),
                    Map.of("big", 10.0, "small", 1.0),
                    Map.of("big", 2.0, "small", -2.0)));

    private final PoolCurve curve = new PoolCurve(PROMPTS, List.of("big", "small"));

    @Test
    void singleModelsAndTheOracleAreMeanScoreAndMeanCost() {
        assertThat(curve.always("big")).isEqualTo(new PoolCurve.Point(10, 1));
        assertThat(curve.always("small")).isEqualTo(new PoolCurve.Point(1, 0.5));
        assertThat(curve.oracle()).isEqualTo(new PoolCurve.Point(5.5, 1));
    }

    @Test
    void aRouterThatSeesTheHardPromptReachesTheOraclesQualityAtItsCost() {
        // the easy prompt: small is predicted at least as good as big; the hard one: big by far
        assertThat(curve.costFirst().costToReach(1)).isEqualTo(5.5);
        assertThat(curve.twoModel("big", "small").costToReach(1)).isEqualTo(5.5);
        assertThat(curve.hybrid().qualityWithin(5.5)).isEqualTo(1);
    }

    @Test
    void randomMixingIsTheStraightLineBetweenTwoModels() {
        PoolCurve.Curve random = curve.randomMix("big", "small");
        assertThat(random.costToReach(1)).isEqualTo(10);
        assertThat(random.qualityWithin(5.5)).isCloseTo(0.75, within(1e-9));
        assertThat(random.qualityWithin(0.5)).isNaN();
    }
}
