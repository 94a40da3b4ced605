package dev.triage.routing.learned;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;

import org.junit.jupiter.api.Test;

class CalibrationTest {

    private final double[] scores = {0.1, 0.4, 0.2, 0.9, 0.5};

    @Test
    void quantilesInterpolateLinearlyLikeNumpy() {
        // sorted 0.1 0.2 0.4 0.5 0.9; q=0.3 -> position 1.2 -> 0.2 + 0.2*(0.4-0.2)
        assertThat(Calibration.quantile(scores, 0.3)).isCloseTo(0.24, within(1e-12));
        assertThat(Calibration.quantile(scores, 0)).isEqualTo(0.1);
        assertThat(Calibration.quantile(scores, 1)).isEqualTo(0.9);
    }

    @Test
    void theThresholdSendsTheAskedShareToTheStrongModel() {
        double threshold = Calibration.threshold(scores, 0.4);
        // 1 - 0.4 = 0.6 quantile: position 2.4 -> 0.4 + 0.4*(0.5-0.4) = 0.44; scores at or above: 0.5 and 0.9
        assertThat(threshold).isCloseTo(0.44, within(1e-12));
        assertThat(java.util.Arrays.stream(scores).filter(s -> s >= threshold).count())
                .isEqualTo(2);
    }

    @Test
    void aManifestShareBetweenTwoPointsInterpolatesTheirThresholds() {
        Map<String, Double> points = Map.of("0.2", 0.6, "0.4", 0.4);
        assertThat(Calibration.forShare(points, 0.3)).isCloseTo(0.5, within(1e-12));
        assertThat(Calibration.forShare(points, 0.4)).isEqualTo(0.4);
    }

    @Test
    void aManifestShareOutsideItsPointsRunsToTheEnds() {
        Map<String, Double> points = Map.of("0.5", 0.3);
        assertThat(Calibration.forShare(points, 0)).isEqualTo(1.0);
        assertThat(Calibration.forShare(points, 1)).isEqualTo(0.0);
        assertThat(Calibration.forShare(points, 0.25)).isCloseTo(0.65, within(1e-12));
        assertThat(Calibration.forShare(points, 0.75)).isCloseTo(0.15, within(1e-12));
    }

    @Test
    void aShareOutsideZeroToOneIsAConfigurationError() {
        assertThatThrownBy(() -> Calibration.forShare(Map.of(), 1.5))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("strong-pct");
    }
}
