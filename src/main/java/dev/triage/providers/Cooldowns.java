package dev.triage.providers;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Models a provider rate-limited with a {@code Retry-After}: until then, calls to them fail at once (and go to the next
 * model of their chain) instead of adding to the upstream's load and waiting for another 429.
 */
final class Cooldowns {

    private final Map<String, Long> untilNanos = new ConcurrentHashMap<>();

    void coolDown(String model, Duration retryAfter) {
        if (retryAfter != null && retryAfter.isPositive()) {
            untilNanos.merge(model, System.nanoTime() + retryAfter.toNanos(), Math::max);
        }
    }

    /** What is left of {@code model}'s cooldown, or {@code null} when it may be called. */
    Duration remaining(String model) {
        Long until = untilNanos.get(model);
        if (until == null) {
            return null;
        }
        long left = until - System.nanoTime();
        if (left <= 0) {
            untilNanos.remove(model, until);
            return null;
        }
        return Duration.ofNanos(left);
    }
}
