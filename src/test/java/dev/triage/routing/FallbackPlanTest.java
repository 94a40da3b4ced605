package dev.triage.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.triage.routing.FallbackPlan.Candidate;

class FallbackPlanTest {

    private final FallbackPlan learned = new FallbackPlan("strong", "weak", List.of("alt", "strong"), Optional.of("local"));

    @Test
    void weakDecisionEscalatesToTheStrongModelThenItsAlternatives() {
        assertThat(learned.candidates(decision("weak", "weak"))).containsExactly(new Candidate("weak", "primary"),
                new Candidate("strong", "escalated"), new Candidate("alt", "escalated"), new Candidate("local", "last-resort"));
    }

    @Test
    void strongDecisionDegradesThroughAlternativesToTheWeakModel() {
        assertThat(learned.candidates(decision("strong", "strong"))).containsExactly(new Candidate("strong", "primary"),
                new Candidate("alt", "alternative"), new Candidate("weak", "degraded"), new Candidate("local", "last-resort"));
    }

    @Test
    void fixedRouteTriesItsFallbacksInOrder() {
        FallbackPlan fixed = FallbackPlan.fixed("m", List.of("n", "m"), Optional.empty());
        assertThat(fixed.candidates(decision("m", "fixed"))).containsExactly(new Candidate("m", "primary"),
                new Candidate("n", "fallback"));
    }

    private static RoutingDecision decision(String model, String tier) {
        return new RoutingDecision("r", model, tier, "learned", 0.5, 0.5, "v", 1.0, "test");
    }
}
