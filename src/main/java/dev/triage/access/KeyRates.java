package dev.triage.access;

/**
 * Requests or tokens counted over the last minute in one-second buckets (a sliding window to within a second). One per
 * key and per kind; in memory, per replica.
 */
final class KeyRates {

    private static final int SECONDS = 60;

    private final long[] counts = new long[SECONDS];
    private final long[] seconds = new long[SECONDS];

    synchronized void add(long amount, long nowMillis) {
        long second = nowMillis / 1000;
        int slot = (int) (second % SECONDS);
        if (seconds[slot] != second) {
            seconds[slot] = second;
            counts[slot] = 0;
        }
        counts[slot] += amount;
    }

    /** The total of the last 60 seconds. */
    synchronized long total(long nowMillis) {
        long second = nowMillis / 1000;
        long total = 0;
        for (int i = 0; i < SECONDS; i++) {
            if (second - seconds[i] < SECONDS) {
                total += counts[i];
            }
        }
        return total;
    }

    /** Seconds until the oldest counted second leaves the window (at least 1). */
    synchronized long secondsUntilRoom(long nowMillis) {
        long second = nowMillis / 1000;
        long oldest = second;
        for (int i = 0; i < SECONDS; i++) {
            if (second - seconds[i] < SECONDS && counts[i] > 0) {
                oldest = Math.min(oldest, seconds[i]);
            }
        }
        return Math.max(1, oldest + SECONDS - second);
    }
}
