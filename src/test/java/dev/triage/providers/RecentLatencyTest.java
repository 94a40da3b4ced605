package dev.triage.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RecentLatencyTest {

    @Test
    void eachTryCountsForATenthAndModelsAreApart() {
        RecentLatency latency = new RecentLatency();
        assertThat(latency.of("m")).isEmpty();
        latency.add("m", 100);
        latency.add("m", 200);
        assertThat(latency.of("m").getAsDouble()).isCloseTo(110, within(1e-9));
        assertThat(latency.of("other")).isEmpty();
    }

    @Test
    void aSlowdownShowsWithinAFewDozenTries() {
        RecentLatency latency = new RecentLatency();
        for (int i = 0; i < 100; i++) {
            latency.add("m", 50);
        }
        for (int i = 0; i < 30; i++) {
            latency.add("m", 1000);
        }
        assertThat(latency.of("m").getAsDouble()).isGreaterThan(900);
    }
}
