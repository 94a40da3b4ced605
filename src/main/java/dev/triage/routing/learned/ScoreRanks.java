package dev.triage.routing.learned;

import java.util.Arrays;
import java.util.List;

/**
 * Where a score falls among the router's training prompts, from its percentiles (the manifest's {@code percentiles}, 0
 * to 100): the rank of a score is the share of training prompts scored below it, interpolated linearly between
 * percentiles. Ranks put two routers with different scales on one scale: the first stage and the encoder meet there.
 */
public final class ScoreRanks {

    private final double[] percentiles;

    public ScoreRanks(List<Double> percentiles) {
        if (percentiles.size() != 101) {
            throw new IllegalArgumentException("need the 101 percentiles 0..100, not " + percentiles.size());
        }
        this.percentiles = percentiles.stream().mapToDouble(Double::doubleValue).toArray();
        for (int i = 1; i < this.percentiles.length; i++) {
            if (this.percentiles[i] < this.percentiles[i - 1]) {
                throw new IllegalArgumentException("percentiles must not decrease (at " + i + ")");
            }
        }
    }

    /** The 101 percentiles of {@code scores}, as the trainer stores them. */
    public static List<Double> percentilesOf(double[] scores) {
        return java.util.stream.IntStream.rangeClosed(0, 100)
                .mapToObj(pct -> Calibration.quantile(scores, pct / 100.0))
                .toList();
    }

    /** The share (0-1) of training prompts scored below {@code score}. */
    public double rank(double score) {
        if (score <= percentiles[0]) {
            return 0;
        }
        if (score >= percentiles[100]) {
            return 1;
        }
        int above = Arrays.binarySearch(percentiles, score);
        if (above >= 0) {
            int first = above;
            int last = above;
            while (first > 0 && percentiles[first - 1] == score) {
                first--;
            }
            while (last < 100 && percentiles[last + 1] == score) {
                last++;
            }
            return (first + last) / 200.0;
        }
        above = -above - 1;
        double low = percentiles[above - 1];
        double high = percentiles[above];
        return (above - 1 + (score - low) / (high - low)) / 100;
    }

    /** The score at {@code rank} (0-1): the inverse of {@link #rank}. */
    public double score(double rank) {
        double position = Math.clamp(rank, 0, 1) * 100;
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, 100);
        return percentiles[below] + (position - below) * (percentiles[above] - percentiles[below]);
    }
}
