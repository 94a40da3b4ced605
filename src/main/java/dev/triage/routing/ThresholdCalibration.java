package dev.triage.routing;

import java.util.Map;
import java.util.TreeMap;

import dev.triage.routing.learned.RouterManifest;

/** A strong-model share turned into a threshold by the router's calibration, interpolating between its points. */
final class ThresholdCalibration {

    private ThresholdCalibration() {
    }

    static double forShare(RouterManifest manifest, double share) {
        if (share < 0 || share > 1) {
            throw new IllegalStateException("strong-pct must be a share between 0 and 1, not " + share);
        }
        TreeMap<Double, Double> points = new TreeMap<>();
        manifest.calibration().forEach((key, threshold) -> points.put(Double.parseDouble(key), threshold));
        points.put(0.0, 1.0);
        points.put(1.0, 0.0);
        Map.Entry<Double, Double> below = points.floorEntry(share);
        Map.Entry<Double, Double> above = points.ceilingEntry(share);
        if (below.getKey().equals(above.getKey())) {
            return below.getValue();
        }
        double fraction = (share - below.getKey()) / (above.getKey() - below.getKey());
        return below.getValue() + fraction * (above.getValue() - below.getValue());
    }
}
