package dev.triage.tools.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.triage.routing.learned.Calibration;

/**
 * RouteLLM's quality-versus-cost evaluation of a router on prompts whose strong and weak answers are both scored:
 * thresholds at the 0, 0.1, ..., 1 quantiles of the router's scores (linear interpolation); a prompt goes to the strong
 * model when its score is at or above the threshold (above, for the last); quality is the mean score of the model each
 * prompt went to. APGR is the area under that curve between the weak and strong models' areas; CPT(x) is the strong
 * share at which quality first recovers {@code x} of the gap.
 */
public final class RouterCurve {

    /** One point: the share of prompts sent to the strong model (0-100) and the mean quality there. */
    public record Point(double strongPercent, double quality) {}

    /** The curve's thresholds are the scores' quantiles 0, 1/STEPS, ..., 1. */
    public static final int STEPS = 10;

    private final List<Point> points;
    private final double weakQuality;
    private final double strongQuality;

    private RouterCurve(List<Point> points, double weakQuality, double strongQuality) {
        this.points = points;
        this.weakQuality = weakQuality;
        this.strongQuality = strongQuality;
    }

    public static RouterCurve of(double[] scores, double[] strong, double[] weak) {
        if (scores.length == 0 || scores.length != strong.length || strong.length != weak.length) {
            throw new IllegalArgumentException("need as many scores as strong and weak results, at least one");
        }
        List<boolean[]> routings = new ArrayList<>();
        for (int step = 0; step <= STEPS; step++) {
            routings.add(routing(scores, step));
        }
        return of(routings, strong, weak);
    }

    /** Which prompts go to the strong model at {@code step} (0 to {@link #STEPS}): those scored at its quantile or above. */
    public static boolean[] routing(double[] scores, int step) {
        double threshold = Calibration.quantile(scores, (double) step / STEPS);
        boolean[] strongly = new boolean[scores.length];
        for (int i = 0; i < scores.length; i++) {
            strongly[i] = step == STEPS ? scores[i] > threshold : scores[i] >= threshold;
        }
        return strongly;
    }

    /** The curve through the points of several routings (each: which prompts go to the strong model). */
    public static RouterCurve of(List<boolean[]> routings, double[] strong, double[] weak) {
        List<Point> points = new ArrayList<>();
        for (boolean[] strongly : routings) {
            int toStrong = 0;
            double quality = 0;
            for (int i = 0; i < strongly.length; i++) {
                toStrong += strongly[i] ? 1 : 0;
                quality += strongly[i] ? strong[i] : weak[i];
            }
            points.add(new Point(100.0 * toStrong / strongly.length, quality / strongly.length));
        }
        points.sort((a, b) -> Double.compare(a.strongPercent(), b.strongPercent()));
        return new RouterCurve(List.copyOf(points), mean(weak), mean(strong));
    }

    public List<Point> points() {
        return points;
    }

    public double weakQuality() {
        return weakQuality;
    }

    public double strongQuality() {
        return strongQuality;
    }

    /** Average performance gap recovered: 0 is no better than always-weak's area, 1 is always-strong's. */
    public double apgr() {
        double area = 0;
        for (int i = 1; i < points.size(); i++) {
            Point a = points.get(i - 1);
            Point b = points.get(i);
            area += (b.strongPercent() - a.strongPercent()) / 100 * (a.quality() + b.quality()) / 2;
        }
        double gap = strongQuality - weakQuality;
        return gap == 0 ? 0 : (area - weakQuality) / gap;
    }

    /** Call-performance threshold: the strong share (percent) needed to recover {@code fraction} of the gap. */
    public double cpt(double fraction) {
        double target = weakQuality + fraction * (strongQuality - weakQuality);
        for (int i = 0; i < points.size(); i++) {
            Point point = points.get(i);
            if (point.quality() >= target) {
                if (i == 0) {
                    return point.strongPercent();
                }
                Point previous = points.get(i - 1);
                double span = point.quality() - previous.quality();
                double share = span == 0 ? 0 : (target - previous.quality()) / span;
                return previous.strongPercent() + share * (point.strongPercent() - previous.strongPercent());
            }
        }
        return 100;
    }

    private static double mean(double[] values) {
        return Arrays.stream(values).average().orElse(0);
    }
}
