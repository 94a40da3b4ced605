package dev.triage.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LatencyTrendTest {

    @Test
    void nothingIsExpectedBeforeTheFirstAnswer() {
        assertThat(new LatencyTrend(100).expectedMillis(256)).isEmpty();
    }

    @Test
    void answersOfOneLengthGiveTheirMeanLatency() {
        LatencyTrend trend = new LatencyTrend(100);
        trend.add(100, 400);
        trend.add(100, 600);
        assertThat(trend.expectedMillis(1000).getAsDouble()).isCloseTo(500.1, within(1.0));
    }

    @Test
    void answersOfManyLengthsGiveTheFirstTokenTimeAndThePacePerToken() {
        LatencyTrend trend = new LatencyTrend(100);
        for (int tokens = 10; tokens <= 500; tokens += 10) {
            trend.add(tokens, 300 + 2.0 * tokens); // 300 ms to the first token, 2 ms a token
        }
        assertThat(trend.expectedMillis(0).getAsDouble()).isCloseTo(300, within(1e-6));
        assertThat(trend.expectedMillis(1000).getAsDouble()).isCloseTo(2300, within(1e-6));
    }

    @Test
    void aModelThatSlowsDownIsSeenWithinAWindow() {
        LatencyTrend trend = new LatencyTrend(20);
        for (int i = 0; i < 200; i++) {
            trend.add(100, 200);
        }
        for (int i = 0; i < 60; i++) {
            trend.add(100, 2000);
        }
        assertThat(trend.expectedMillis(100).getAsDouble()).isGreaterThan(1800);
    }
}
