package dev.triage.routing;

import static dev.triage.routing.FallbackRole.ALTERNATIVE;
import static dev.triage.routing.FallbackRole.DEGRADED;
import static dev.triage.routing.FallbackRole.ESCALATED;
import static dev.triage.routing.FallbackRole.FALLBACK;
import static dev.triage.routing.FallbackRole.LAST_RESORT;
import static dev.triage.routing.FallbackRole.PRIMARY;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.triage.routing.FallbackPlan.Candidate;

class FallbackPlanTest {

    private final FallbackPlan learned =
            new FallbackPlan("strong", "weak", List.of("alt", "strong"), Optional.of("local"));

    @Test
    void weakDecisionEscalatesToTheStrongModelThenItsAlternatives() {
        assertThat(learned.candidates(decision("weak", Tier.WEAK)))
                .containsExactly(
                        new Candidate("weak", PRIMARY),
                        new Candidate("strong", ESCALATED),
                        new Candidate("alt", ESCALATED),
                        new Candidate("local", LAST_RESORT));
    }

    @Test
    void strongDecisionDegradesThroughAlternativesToTheWeakModel() {
        assertThat(learned.candidates(decision("strong", Tier.STRONG)))
                .containsExactly(
                        new Candidate("strong", PRIMARY),
                        new Candidate("alt", ALTERNATIVE),
                        new Candidate("weak", DEGRADED),
                        new Candidate("local", LAST_RESORT));
    }

    @Test
    void fixedRouteTriesItsFallbacksInOrder() {
        FallbackPlan fixed = FallbackPlan.fixed("m", List.of("n", "m"), Optional.empty());
        assertThat(fixed.candidates(decision("m", Tier.FIXED)))
                .containsExactly(new Candidate("m", PRIMARY), new Candidate("n", FALLBACK));
    }

    private static Decision decision(String model, Tier tier) {
        return new Decision("r", model, tier, Reason.LEARNED, 0.5, 0.5, "v", 1.0, "test", null);
    }
}
