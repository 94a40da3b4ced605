package dev.triage.tools.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** A four-prompt example worked out by hand. */
class RouterCurveTest {

    // prompts 0 and 1 need the strong model (it scores 1, the weak one 0); 2 and 3 are answered equally well by both
    private static final double[] STRONG = {1, 1, 1, 1};
    private static final double[] WEAK = {0, 0, 1, 1};

    @Test
    void aPerfectRouterRecoversTheGapWithHalfTheStrongCalls() {
        RouterCurve curve = RouterCurve.of(new double[] {0.9, 0.8, 0.2, 0.1}, STRONG, WEAK);
        assertThat(curve.weakQuality()).isEqualTo(0.5);
        assertThat(curve.strongQuality()).isEqualTo(1.0);
        // thresholds at the deciles of {0.1, 0.2, 0.8, 0.9}; strong share steps 0, 25, 50, 75, 100
        assertThat(curve.points().getFirst()).isEqualTo(new RouterCurve.Point(0, 0.5));
        assertThat(curve.points().getLast()).isEqualTo(new RouterCurve.Point(100, 1.0));
        // quality 0.5 + 0.5 reached at 50% strong: CPT(50%) interpolates to 25%, CPT(80%) to 40%
        assertThat(curve.cpt(0.5)).isCloseTo(25, within(1e-9));
        assertThat(curve.cpt(0.8)).isCloseTo(40, within(1e-9));
        // area: trapezoids over the points; (AUC - 0.5) / (1 - 0.5)
        double area = 0;
        for (int i = 1; i < curve.points().size(); i++) {
            var a = curve.points().get(i - 1);
            var b = curve.points().get(i);
            area += (b.strongPercent() - a.strongPercent()) / 100 * (a.quality() + b.quality()) / 2;
        }
        assertThat(curve.apgr()).isCloseTo((area - 0.5) / 0.5, within(1e-12)).isGreaterThan(0.7);
    }

    @Test
    void anInvertedRouterIsWorseThanRandom() {
        RouterCurve curve = RouterCurve.of(new double[] {0.1, 0.2, 0.8, 0.9}, STRONG, WEAK);
        assertThat(curve.apgr()).isLessThan(0.5);
        assertThat(curve.cpt(0.5)).isGreaterThan(50);
    }

    @Test
    void theLastThresholdUsesStrictlyGreater() {
        RouterCurve curve = RouterCurve.of(new double[] {0.5, 0.5, 0.5, 0.5}, STRONG, WEAK);
        // every threshold equals 0.5: >= sends all to strong, the last (>) none
        assertThat(curve.points()).extracting(RouterCurve.Point::strongPercent).contains(0.0, 100.0);
    }
}
