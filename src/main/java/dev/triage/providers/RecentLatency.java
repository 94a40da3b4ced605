package dev.triage.providers;

import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How long a provider's successful tries took lately, per upstream model: an exponentially weighted mean in which each
 * new try counts for a tenth, so that a slowdown shows within a few dozen tries. A whole answer's try lasts until the
 * answer is read; a stream's until its first event.
 */
final class RecentLatency {

    private static final double NEW_WEIGHT = 0.1;

    private final Map<String, Double> millis = new ConcurrentHashMap<>();

    void add(String upstreamModel, double tookMillis) {
        millis.merge(upstreamModel, tookMillis, (mean, took) -> mean + NEW_WEIGHT * (took - mean));
    }

    /** Empty before the first successful try. */
    OptionalDouble of(String upstreamModel) {
        Double mean = millis.get(upstreamModel);
        return mean == null ? OptionalDouble.empty() : OptionalDouble.of(mean);
    }
}
