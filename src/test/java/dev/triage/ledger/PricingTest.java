package dev.triage.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import dev.triage.openai.Usage;

class PricingTest {

    private static final BigDecimal INPUT = new BigDecimal("2.50");
    private static final BigDecimal OUTPUT = new BigDecimal("10.00");

    @Test
    void pricesBothDirectionsPerMillionTokens() {
        assertThat(Pricing.cost(new Usage(1_000L, 500L), INPUT, OUTPUT)).isEqualByComparingTo("0.0075");
    }

    @Test
    void aMissingCountIsZeroTokensWhenTheOtherIsKnown() {
        assertThat(Pricing.cost(new Usage(null, 1_000_000L), INPUT, OUTPUT)).isEqualByComparingTo("10");
        assertThat(Pricing.cost(new Usage(3L, null), INPUT, OUTPUT)).isEqualByComparingTo("0.0000075");
    }

    @Test
    void unknownUsageHasNoCostRatherThanAFreeOne() {
        assertThat(Pricing.cost(Usage.UNKNOWN, INPUT, OUTPUT)).isNull();
    }

    @Test
    void keepsTheDigitsOfSmallAmounts() {
        assertThat(Pricing.cost(new Usage(1L, 0L), new BigDecimal("0.02"), BigDecimal.ZERO))
                .isEqualByComparingTo("0.00000002");
    }
}
