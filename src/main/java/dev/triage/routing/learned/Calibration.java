package dev.triage.routing.learned;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * Strong-model shares turned into thresholds: from a sample of scores, as RouteLLM's {@code calibrate_threshold}
 * computes them (the trainer), and from the points a trained router's manifest keeps (the gateway's {@code strong-pct}).
 */
public final class Calibration {

    private Calibration() {}

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

    /**
     * The threshold for {@code share} from a manifest's calibration points (share, as {@code "0.3"}, to threshold),
     * interpolated linearly between them; a share of 0 is threshold 1 and a share of 1 is threshold 0.
     */
    public static double forShare(Map<String, Double> points, double share) {
        if (share < 0 || share > 1) {
            throw new IllegalStateException("strong-pct must be a share between 0 and 1, not " + share);
        }
        TreeMap<Double, Double> byShare = new TreeMap<>();
        points.forEach((key, threshold) -> byShare.put(Double.parseDouble(key), threshold));
        byShare.put(0.0, 1.0);
        byShare.put(1.0, 0.0);
        Map.Entry<Double, Double> below = byShare.floorEntry(share);
        Map.Entry<Double, Double> above = byShare.ceilingEntry(share);
        if (below.getKey().equals(above.getKey())) {
            return below.getValue();
        }
        double fraction = (share - below.getKey()) / (above.getKey() - below.getKey());
        return below.getValue() + fraction * (above.getValue() - below.getValue());
    }
}
