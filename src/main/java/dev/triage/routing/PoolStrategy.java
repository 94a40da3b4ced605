package dev.triage.routing;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * How a pool route picks among its candidates, scored for one request. Ties go to the candidate listed first in the
 * route's configuration, so a decision never depends on anything but its inputs.
 */
sealed interface PoolStrategy {

    /** Quality that counts as equal: configured scores are not finer than this. */
    double EPSILON = 1e-9;

    ScoredCandidate pick(List<ScoredCandidate> candidates);

    /** Why {@code chosen} won, for the decision's explanation. */
    String why(ScoredCandidate chosen, List<ScoredCandidate> candidates);

    Reason reason();

    private static ScoredCandidate first(List<ScoredCandidate> candidates, Comparator<ScoredCandidate> order) {
        return candidates.stream().min(order).orElseThrow();
    }

    private static ScoredCandidate best(List<ScoredCandidate> candidates) {
        return first(
                candidates,
                Comparator.comparingDouble(ScoredCandidate::quality)
                        .reversed()
                        .thenComparingDouble(ScoredCandidate::expectedUsd));
    }

    /** The highest quality; the cheaper of equals. */
    record QualityFirst() implements PoolStrategy {

        @Override
        public ScoredCandidate pick(List<ScoredCandidate> candidates) {
            return best(candidates);
        }

        @Override
        public String why(ScoredCandidate chosen, List<ScoredCandidate> candidates) {
            return String.format(
                    Locale.ROOT, "quality-first: %s has the highest quality (%.3f)", chosen.model(), chosen.quality());
        }

        @Override
        public Reason reason() {
            return Reason.QUALITY_FIRST;
        }
    }

    /**
     * The quality a candidate needs: at least the floor, or without one within the tolerance of the best candidate's.
     * When none reaches the floor, only the best qualifies.
     */
    record QualityBar(double tolerance, OptionalDouble floor) {

        double least(List<ScoredCandidate> candidates) {
            return floor.isPresent() ? floor.getAsDouble() : best(candidates).quality() - tolerance;
        }

        List<ScoredCandidate> qualified(List<ScoredCandidate> candidates) {
            double least = least(candidates);
            List<ScoredCandidate> good = candidates.stream()
                    .filter(candidate -> candidate.quality() >= least - EPSILON)
                    .toList();
            return good.isEmpty() ? List.of(best(candidates)) : good;
        }

        String why(String policy, String what, ScoredCandidate chosen, List<ScoredCandidate> candidates) {
            if (chosen.quality() < least(candidates) - EPSILON) {
                return String.format(
                        Locale.ROOT,
                        "%s: no candidate reaches the floor %.3f, so the best, %s",
                        policy,
                        floor.orElseThrow(),
                        chosen.model());
            }
            return String.format(
                    Locale.ROOT,
                    "%s: %s is the %s with quality >= %.3f (%s)",
                    policy,
                    chosen.model(),
                    what,
                    least(candidates),
                    floor.isPresent() ? "the floor" : "the best less the tolerance");
        }
    }

    /** The cheapest qualified candidate; the better of equals. */
    record CostFirst(QualityBar bar) implements PoolStrategy {

        @Override
        public ScoredCandidate pick(List<ScoredCandidate> candidates) {
            return first(
                    bar.qualified(candidates),
                    Comparator.comparingDouble(ScoredCandidate::expectedUsd)
                            .thenComparing(Comparator.comparingDouble(ScoredCandidate::quality)
                                    .reversed()));
        }

        @Override
        public String why(ScoredCandidate chosen, List<ScoredCandidate> candidates) {
            return bar.why("cost-first", "cheapest", chosen, candidates);
        }

        @Override
        public Reason reason() {
            return Reason.COST_FIRST;
        }
    }

    /**
     * The qualified candidate that answered fastest lately (for this request's expected length); one that has not
     * answered yet counts as instant, so that every candidate gets measured. The cheaper of equals.
     */
    record LatencyFirst(QualityBar bar) implements PoolStrategy {

        @Override
        public ScoredCandidate pick(List<ScoredCandidate> candidates) {
            return first(
                    bar.qualified(candidates),
                    Comparator.comparingDouble((ScoredCandidate candidate) ->
                                    candidate.expectedMillis().orElse(0))
                            .thenComparingDouble(ScoredCandidate::expectedUsd));
        }

        @Override
        public String why(ScoredCandidate chosen, List<ScoredCandidate> candidates) {
            return bar.why(
                    "latency-first",
                    chosen.expectedMillis().isPresent() ? "fastest" : "first not yet timed",
                    chosen,
                    candidates);
        }

        @Override
        public Reason reason() {
            return Reason.LATENCY_FIRST;
        }
    }

    /** The highest quality less {@code costWeight} times the cost as a share of the costliest candidate's. */
    record Hybrid(double costWeight) implements PoolStrategy {

        @Override
        public ScoredCandidate pick(List<ScoredCandidate> candidates) {
            double costliest = costliest(candidates);
            return first(candidates, Comparator.comparingDouble(candidate -> -score(candidate, costliest)));
        }

        private double score(ScoredCandidate candidate, double costliest) {
            return candidate.quality() - (costliest > 0 ? costWeight * candidate.expectedUsd() / costliest : 0);
        }

        private static double costliest(List<ScoredCandidate> candidates) {
            return candidates.stream()
                    .mapToDouble(ScoredCandidate::expectedUsd)
                    .max()
                    .orElse(0);
        }

        @Override
        public String why(ScoredCandidate chosen, List<ScoredCandidate> candidates) {
            return String.format(
                    Locale.ROOT,
                    "hybrid: %s scores highest, quality - %.2f x cost share = %.3f",
                    chosen.model(),
                    costWeight,
                    score(chosen, costliest(candidates)));
        }

        @Override
        public Reason reason() {
            return Reason.HYBRID;
        }
    }
}
