package dev.triage.routing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.triage.openai.ChatCompletionRequest;
import io.smallrye.mutiny.Uni;

/**
 * Picks one of a route's candidates for each request by its configured quality and what the request's answer should
 * cost at that model's prices or take at its recent pace ({@code quality-first}, {@code cost-first}, {@code hybrid},
 * {@code latency-first}): for operators who know their
 * models' quality (their own evaluation, a public benchmark) and have no learned router for them. The cost counts the
 * prompt as one token per 4 characters and the answer as the route's expected output length.
 */
final class PoolPolicy implements RoutePolicy {

    private static final int CHARS_PER_TOKEN = 4;

    private final Map<String, Double> quality;
    private final Map<String, ModelPrices.Price> prices;
    private final ModelLatencies latencies;
    private final PoolStrategy strategy;
    private final int expectedOutputTokens;

    private PoolPolicy(
            Map<String, Double> quality,
            Map<String, ModelPrices.Price> prices,
            ModelLatencies latencies,
            PoolStrategy strategy,
            int expectedOutputTokens) {
        this.quality = quality;
        this.prices = prices;
        this.latencies = latencies;
        this.strategy = strategy;
        this.expectedOutputTokens = expectedOutputTokens;
    }

    /** The route's policy; a configuration it cannot follow fails the start, naming the key. */
    static PoolPolicy of(String name, RoutingConfig.Route route, ModelPrices modelPrices, ModelLatencies latencies) {
        String key = "triage.routes." + name + ".";
        Map<String, ModelPrices.Price> prices = ConfiguredCandidates.priced(key, route, modelPrices);
        Map<String, Double> quality = new LinkedHashMap<>();
        for (String model : prices.keySet()) {
            Double score = route.quality().get(model);
            if (score == null) {
                throw new IllegalStateException(key + "quality." + model + " must be a number from 0 to 1 for every "
                        + "candidate; it is missing");
            }
            quality.put(model, share(key + "quality." + model, score));
        }
        List<String> strays = route.quality().keySet().stream()
                .filter(model -> !quality.containsKey(model))
                .sorted()
                .toList();
        if (!strays.isEmpty()) {
            throw new IllegalStateException(key + "quality names models that are not candidates: " + strays);
        }
        if (route.expectedOutputTokens() < 1) {
            throw new IllegalStateException(key + "expected-output-tokens must be at least 1");
        }
        return new PoolPolicy(quality, prices, latencies, strategy(key, route), route.expectedOutputTokens());
    }

    private static PoolStrategy strategy(String key, RoutingConfig.Route route) {
        return switch (route.policy()) {
            case QUALITY_FIRST -> new PoolStrategy.QualityFirst();
            case COST_FIRST -> new PoolStrategy.CostFirst(bar(key, route));
            case LATENCY_FIRST -> new PoolStrategy.LatencyFirst(bar(key, route));
            case HYBRID -> {
                if (!(route.costWeight() >= 0 && route.costWeight() <= 100)) {
                    throw new IllegalStateException(
                            key + "cost-weight must be from 0 to 100; it is " + route.costWeight());
                }
                yield new PoolStrategy.Hybrid(route.costWeight());
            }
            case FIXED, LEARNED, CASCADE ->
                throw new IllegalArgumentException(route.policy() + " is not a pool policy");
        };
    }

    private static PoolStrategy.QualityBar bar(String key, RoutingConfig.Route route) {
        if (route.floor().isPresent() && route.tolerance().isPresent()) {
            throw new IllegalStateException(key + "floor and " + key + "tolerance exclude each other");
        }
        route.floor().ifPresent(floor -> share(key + "floor", floor));
        return new PoolStrategy.QualityBar(
                share(key + "tolerance", route.tolerance().orElse(0.05)), route.floor());
    }

    private static double share(String key, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalStateException(key + " must be a number from 0 to 1; it is " + value);
        }
        return value;
    }

    /** The candidates, best quality first (ties in the configured order): the order of the route's fallbacks. */
    List<String> byQuality() {
        return quality.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .map(Map.Entry::getKey)
                .toList();
    }

    @Override
    public Uni<Decision> decide(String route, ChatCompletionRequest request, Double threshold) {
        long start = System.nanoTime();
        List<ScoredCandidate> scored = scored(request);
        ScoredCandidate chosen = strategy.pick(scored);
        List<ScoredCandidate> listed = new ArrayList<>(List.of(chosen));
        scored.stream().filter(candidate -> candidate != chosen).forEach(listed::add);
        return Uni.createFrom()
                .item(new Decision(
                        route,
                        chosen.model(),
                        Tier.CANDIDATE,
                        strategy.reason(),
                        null,
                        threshold,
                        null,
                        (System.nanoTime() - start) / 1e6,
                        strategy.why(chosen, scored),
                        listed.stream().map(ScoredCandidate::describe).collect(Collectors.joining(", "))));
    }

    private List<ScoredCandidate> scored(ChatCompletionRequest request) {
        long characters =
                request.promptTexts().stream().mapToLong(String::length).sum();
        long inputTokens = characters / CHARS_PER_TOKEN + 1;
        long outputTokens =
                Math.min(expectedOutputTokens, request.maxOutputTokens().orElse(Long.MAX_VALUE));
        return quality.entrySet().stream()
                .map(entry -> new ScoredCandidate(
                        entry.getKey(),
                        entry.getValue(),
                        prices.get(entry.getKey()).usd(inputTokens, outputTokens),
                        latencies.expectedMillis(entry.getKey(), outputTokens)))
                .toList();
    }
}
