package dev.triage.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeyRatesTest {

    private static final long T0 = 1_700_000_000_000L;

    private final KeyRates rates = new KeyRates();

    @Test
    void sumsWhatWasCountedInTheLastMinute() {
        rates.add(3, T0);
        rates.add(2, T0 + 30_000);
        assertThat(rates.total(T0 + 30_500)).isEqualTo(5);
    }

    @Test
    void aSecondLeavesTheWindowSixtySecondsLater() {
        rates.add(3, T0);
        rates.add(2, T0 + 30_000);
        assertThat(rates.total(T0 + 59_999)).isEqualTo(5);
        assertThat(rates.total(T0 + 60_000)).isEqualTo(2);
        assertThat(rates.total(T0 + 90_000)).isZero();
    }

    @Test
    void aSlotReusedAMinuteLaterStartsFromZero() {
        rates.add(7, T0);
        rates.add(1, T0 + 60_000);
        assertThat(rates.total(T0 + 60_000)).isEqualTo(1);
    }

    @Test
    void saysWhenTheOldestCountLeaves() {
        rates.add(1, T0);
        rates.add(1, T0 + 20_000);
        assertThat(rates.secondsUntilRoom(T0 + 45_000)).isEqualTo(15);
        assertThat(rates.secondsUntilRoom(T0 + 59_900)).isEqualTo(1);
    }
}
