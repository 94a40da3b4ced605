package dev.triage.routing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The models a route tries, in order, for a decision, each with the role it plays. Routing-aware: when the weak model
 * fails, the strong one answers (quality kept, extra cost); when the strong model fails, its configured alternatives
 * answer, then the weak model (quality degraded, said so); any chain may end in a last resort such as a local model.
 */
public final class FallbackPlan {

    /** A model of the chain and why it is there. */
    public record Candidate(String model, FallbackRole role) {}

    private final String strong;
    private final String weak;
    private final List<String> fallbacks;
    private final Optional<String> lastResort;

    FallbackPlan(String strong, String weak, List<String> fallbacks, Optional<String> lastResort) {
        this.strong = strong;
        this.weak = weak;
        this.fallbacks = List.copyOf(fallbacks);
        this.lastResort = lastResort;
    }

    static FallbackPlan fixed(String model, List<String> fallbacks, Optional<String> lastResort) {
        return new FallbackPlan(model, model, fallbacks, lastResort);
    }

    String strong() {
        return strong;
    }

    String weak() {
        return weak;
    }

    List<Candidate> candidates(Decision decision) {
        Map<String, FallbackRole> chain = new LinkedHashMap<>();
        chain.put(decision.model(), FallbackRole.PRIMARY);
        switch (decision.tier()) {
            case WEAK -> {
                chain.putIfAbsent(strong, FallbackRole.ESCALATED);
                fallbacks.forEach(model -> chain.putIfAbsent(model, FallbackRole.ESCALATED));
            }
            case STRONG -> {
                fallbacks.forEach(model -> chain.putIfAbsent(model, FallbackRole.ALTERNATIVE));
                chain.putIfAbsent(weak, FallbackRole.DEGRADED);
            }
            case FIXED -> fallbacks.forEach(model -> chain.putIfAbsent(model, FallbackRole.FALLBACK));
        }
        lastResort.ifPresent(model -> chain.putIfAbsent(model, FallbackRole.LAST_RESORT));
        List<Candidate> candidates = new ArrayList<>();
        chain.forEach((model, role) -> candidates.add(new Candidate(model, role)));
        return candidates;
    }
}
