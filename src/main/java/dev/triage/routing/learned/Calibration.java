package dev.triage.routing.learned;

import java.util.Arrays;

/** Thresholds from a sample of scores, as RouteLLM's {@code calibrate_threshold} computes them. */
public final class Calibration {

    private Calibration() {
    }

    /** The threshold that sends {@code strongShare} (0-1) of prompts scored like {@code scores} to the strong model. */
    public static double threshold(double[] scores, double strongShare) {
        if (strongShare < 0 || strongShare > 1) {
            throw new IllegalArgumentException("the strong share must be between 0 and 1, not " + strongShare);
        }
        return quantile(scores, 1 - strongShare);
    }

    /** numpy's default (linear interpolation) quantile. */
    public static double quantile(double[] values, double q) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no scores to take a quantile of");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
