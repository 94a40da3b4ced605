package dev.triage.routing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The models a route tries, in order, for a decision, each with the role it plays. Routing-aware: when the weak model
 * fails, the strong one answers (quality kept, extra cost); when the strong model fails, its configured alternatives
 * answer, then the weak model (quality degraded, said so); a pool route's other candidates stand in the same way; any
 * chain may end in a last resort such as a local model.
 */
public final class FallbackPlan {

    /** A model of the chain and why it is there. */
    public record Candidate(String model, FallbackRole role) {}

    private final String strong;
    private final String weak;
    private final List<String> fallbacks;
    private final Optional<String> lastResort;
    /** A pool route's candidates, best quality first; empty for other routes. */
    private final List<String> pool;

    FallbackPlan(String strong, String weak, List<String> fallbacks, Optional<String> lastResort) {
        this(strong, weak, fallbacks, lastResort, List.of());
    }

    private FallbackPlan(
            String strong, String weak, List<String> fallbacks, Optional<String> lastResort, List<String> pool) {
        this.strong = strong;
        this.weak = weak;
        this.fallbacks = List.copyOf(fallbacks);
        this.lastResort = lastResort;
        this.pool = List.copyOf(pool);
    }

    static FallbackPlan fixed(String model, List<String> fallbacks, Optional<String> lastResort) {
        return new FallbackPlan(model, model, fallbacks, lastResort);
    }

    /**
     * A pool route's chain: when the chosen candidate fails, the better ones from the nearest in quality up (quality
     * kept at the least extra cost), then the lesser ones from the nearest down, then the fallbacks.
     */
    static FallbackPlan pool(List<String> byQuality, List<String> fallbacks, Optional<String> lastResort) {
        return new FallbackPlan(byQuality.getFirst(), byQuality.getLast(), fallbacks, lastResort, byQuality);
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
            case CANDIDATE -> {
                int chosen = pool.indexOf(decision.model());
                pool.subList(0, Math.max(chosen, 0))
                        .reversed()
                        .forEach(model -> chain.putIfAbsent(model, FallbackRole.ESCALATED));
                pool.subList(chosen + 1, pool.size()).forEach(model -> chain.putIfAbsent(model, FallbackRole.DEGRADED));
                fallbacks.forEach(model -> chain.putIfAbsent(model, FallbackRole.FALLBACK));
            }
        }
        lastResort.ifPresent(model -> chain.putIfAbsent(model, FallbackRole.LAST_RESORT));
        List<Candidate> candidates = new ArrayList<>();
        chain.forEach((model, role) -> candidates.add(new Candidate(model, role)));
        return candidates;
    }
}
