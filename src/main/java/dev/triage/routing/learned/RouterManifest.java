package dev.triage.routing.learned;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a trained router is: its version, the encoder it was trained on, the default model pair, how its heads combine,
 * where its data came from and what it measured on prompts it never saw.
 *
 * @param defaultStrong the win-rate model id used for a strong model the route does not map
 * @param defaultWeak likewise for the weak model
 * @param calibration thresholds by strong-model share (e.g. {@code "0.3"} to the threshold that sends 30% of the
 *        training prompts to the strong model)
 * @param percentiles the 101 percentiles (0..100) of the router's scores on its training prompts; {@code null} for a
 *        router trained before they were kept
 * @param firstStageMargin how far from the threshold (a share of prompts) the first stage's rank must be for it to
 *        decide, when the router has one (folder {@code first-stage}); {@code null} when it has none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RouterManifest(
        String version,
        String encoder,
        int maxTokens,
        int layers,
        String defaultStrong,
        String defaultWeak,
        Combination combination,
        Map<String, Double> calibration,
        List<Double> percentiles,
        Double firstStageMargin,
        Map<String, Object> training,
        Map<String, Object> metrics) {

    /** This manifest with the calibration and percentiles of the fitted heads' scores. */
    public RouterManifest calibrated(Map<String, Double> thresholds, List<Double> scorePercentiles) {
        return new RouterManifest(
                version,
                encoder,
                maxTokens,
                layers,
                defaultStrong,
                defaultWeak,
                combination,
                thresholds,
                scorePercentiles,
                firstStageMargin,
                training,
                metrics);
    }

    public boolean hasFirstStage() {
        return firstStageMargin != null;
    }
}
