package dev.triage.routing;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/** A route as the configuration would give it, built in tests. */
record ConfiguredRoute(
        PolicyKind policy,
        Optional<String> model,
        Optional<String> strong,
        Optional<String> weak,
        OptionalDouble threshold,
        OptionalDouble strongPct,
        Optional<List<String>> fallbacks,
        Optional<String> lastResort,
        Optional<List<String>> candidates,
        Map<String, Double> quality,
        OptionalDouble tolerance,
        OptionalDouble floor,
        double costWeight,
        int expectedOutputTokens,
        Optional<List<String>> escalateOn)
        implements RoutingConfig.Route {

    static ConfiguredRoute fixed(Optional<String> model) {
        return of(PolicyKind.FIXED, model, Optional.empty(), Map.of());
    }

    static ConfiguredRoute pool(PolicyKind policy, List<String> candidates, Map<String, Double> quality) {
        return of(policy, Optional.empty(), Optional.of(candidates), quality);
    }

    private static ConfiguredRoute of(
            PolicyKind policy, Optional<String> model, Optional<List<String>> candidates, Map<String, Double> quality) {
        return new ConfiguredRoute(
                policy,
                model,
                Optional.empty(),
                Optional.empty(),
                OptionalDouble.empty(),
                OptionalDouble.empty(),
                Optional.empty(),
                Optional.empty(),
                candidates,
                quality,
                OptionalDouble.empty(),
                OptionalDouble.empty(),
                0.5,
                256,
                Optional.empty());
    }

    ConfiguredRoute withTolerance(double value) {
        return tuned(OptionalDouble.of(value), floor, costWeight);
    }

    ConfiguredRoute withFloor(double value) {
        return tuned(tolerance, OptionalDouble.of(value), costWeight);
    }

    ConfiguredRoute withCostWeight(double value) {
        return tuned(tolerance, floor, value);
    }

    private ConfiguredRoute tuned(OptionalDouble tolerance, OptionalDouble floor, double costWeight) {
        return new ConfiguredRoute(
                policy,
                model,
                strong,
                weak,
                threshold,
                strongPct,
                fallbacks,
                lastResort,
                candidates,
                quality,
                tolerance,
                floor,
                costWeight,
                expectedOutputTokens,
                escalateOn);
    }
}
