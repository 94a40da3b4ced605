package dev.triage.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class DecisionTest {

    @Test
    void aDirectRequestHasNoRoutingFacts() {
        Decision direct = Decision.direct("gpt-4o");
        assertThat(direct.routed()).isFalse();
        assertThat(direct.fields()).isEmpty();
        assertThat(direct.text(DecisionField.ROUTE)).isNull();
    }

    @Test
    void aLearnedDecisionHasEveryFactInHeaderOrder() {
        Decision learned =
                new Decision("auto", "big", Tier.STRONG, Reason.LEARNED, 0.61234567, 0.5, "v1", 12.345, "x", null);
        assertThat(learned.fields())
                .containsExactly(
                        Map.entry(DecisionField.ROUTE, "auto"),
                        Map.entry(DecisionField.TIER, "strong"),
                        Map.entry(DecisionField.POLICY, "learned"),
                        Map.entry(DecisionField.STRONG_PROBABILITY, 0.61234567),
                        Map.entry(DecisionField.THRESHOLD, 0.5),
                        Map.entry(DecisionField.DECISION_MS, 12.345),
                        Map.entry(DecisionField.ROUTER_VERSION, "v1"));
        assertThat(DecisionField.STRONG_PROBABILITY.text(0.61234567)).isEqualTo("0.61235");
        assertThat(DecisionField.DECISION_MS.text(12.345)).isEqualTo("12.35");
    }

    @Test
    void aFixedDecisionHasNoProbability() {
        Decision fixed = Decision.fixed("strong", "big", null);
        assertThat(fixed.fields()).containsOnlyKeys(DecisionField.ROUTE, DecisionField.TIER, DecisionField.POLICY);
        assertThat(fixed.text(DecisionField.TIER)).isEqualTo("fixed");
    }
}
