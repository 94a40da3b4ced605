package dev.triage.routing;

import java.util.OptionalDouble;

/**
 * One model's recent answers as a line, {@code latency = first-token time + output tokens x time per token}, fitted by
 * exponentially weighted least squares, so that old answers fade (each new one weighs {@code 1 / window} of the whole)
 * and a model that slows down is seen within a window's answers. Thread-safe.
 */
public final class LatencyTrend {

    private final double keep;
    private double weight;
    private double tokens;
    private double millis;
    private double tokensSquared;
    private double tokensTimesMillis;

    /** @param window about how many recent answers the estimate follows */
    public LatencyTrend(int window) {
        this.keep = 1 - 1.0 / window;
    }

    public synchronized void add(long outputTokens, double latencyMillis) {
        weight = weight * keep + 1;
        tokens = tokens * keep + outputTokens;
        millis = millis * keep + latencyMillis;
        tokensSquared = tokensSquared * keep + (double) outputTokens * outputTokens;
        tokensTimesMillis = tokensTimesMillis * keep + outputTokens * latencyMillis;
    }

    /** The expected latency of an answer of {@code outputTokens}; empty before the first answer. */
    public synchronized OptionalDouble expectedMillis(long outputTokens) {
        if (weight == 0) {
            return OptionalDouble.empty();
        }
        double meanTokens = tokens / weight;
        double meanMillis = millis / weight;
        double variance = tokensSquared / weight - meanTokens * meanTokens;
        // answers of (nearly) one length say nothing of the time per token: the mean latency then
        double perToken =
                variance > 1 ? Math.max(0, (tokensTimesMillis / weight - meanTokens * meanMillis) / variance) : 0;
        return OptionalDouble.of(Math.max(0, meanMillis + perToken * (outputTokens - meanTokens)));
    }
}
