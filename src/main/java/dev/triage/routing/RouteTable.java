package dev.triage.routing;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import dev.triage.openai.ChatCompletionRequest;
import dev.triage.openai.OpenAiException;
import dev.triage.routing.learned.Calibration;
import io.quarkus.runtime.Startup;

/** The configured routes, and how a request's {@code model} field names one. */
@Startup
@ApplicationScoped
public class RouteTable {

    /** RouteLLM's model names: {@code router-<router>-<threshold>}, e.g. {@code router-mf-0.11593}. */
    private static final Pattern ROUTELLM_NAME =
            Pattern.compile("router-([a-z_]+)-([0-9]*\\.?[0-9]+(?:[eE]-?[0-9]+)?)");

    private final Map<String, RoutePolicy> policies;
    private final Map<String, FallbackPlan> plans;
    private final Map<String, Double> strongShareTargets;
    private final String routellmRoute;
    private final boolean learned;

    @Inject
    RouteTable(
            RoutingConfig config,
            LearnedRouterConfig routerConfig,
            Instance<RouterModels> models,
            Instance<PromptEmbedder> embedder,
            ModelPrices prices,
            ModelLatencies latencies) {
        this(
                config,
                () -> new LearnedRouting(models.get(), embedder.get(), routerConfig.answersWhileLoading()),
                prices,
                latencies);
    }

    RouteTable(RoutingConfig config, Supplier<LearnedRouting> router, ModelPrices prices, ModelLatencies latencies) {
        Map<String, RoutePolicy> built = new TreeMap<>();
        Map<String, FallbackPlan> chains = new TreeMap<>();
        config.routes().forEach((name, route) -> {
            RoutePolicy policy = policyFor(name, route, router, prices, latencies);
            built.put(name, policy);
            chains.put(name, planFor(route, policy));
        });
        this.policies = Collections.unmodifiableMap(built);
        this.plans = Collections.unmodifiableMap(chains);
        Map<String, Double> targets = new TreeMap<>();
        config.routes().forEach((name, route) -> route.strongPct().ifPresent(share -> targets.put(name, share)));
        this.strongShareTargets = Collections.unmodifiableMap(targets);
        this.routellmRoute = config.routellmRoute();
        this.learned = config.routes().values().stream().anyMatch(route -> route.policy() == PolicyKind.LEARNED);
    }

    /** Whether any route uses the learned router (and so whether readiness waits for its encoder). */
    public boolean usesLearnedRouter() {
        return learned;
    }

    private static RoutePolicy policyFor(
            String name,
            RoutingConfig.Route route,
            Supplier<LearnedRouting> router,
            ModelPrices prices,
            ModelLatencies latencies) {
        return switch (route.policy()) {
            case FIXED -> new FixedPolicy(required(route.model(), name, "model", "a fixed route"));
            case LEARNED -> {
                LearnedRouting learned = router.get();
                double threshold = route.threshold().isPresent()
                        ? route.threshold().getAsDouble()
                        : Calibration.forShare(
                                learned.models().manifest().calibration(),
                                route.strongPct()
                                        .orElseThrow(() -> new IllegalStateException(
                                                "triage.routes." + name + " needs a threshold or a strong-pct")));
                yield new LearnedPolicy(
                        learned,
                        required(route.strong(), name, "strong", "a learned route"),
                        required(route.weak(), name, "weak", "a learned route"),
                        threshold);
            }
            case QUALITY_FIRST, COST_FIRST, HYBRID, LATENCY_FIRST -> PoolPolicy.of(name, route, prices, latencies);
            case CASCADE -> CascadePolicy.of(name, route, prices);
        };
    }

    private static FallbackPlan planFor(RoutingConfig.Route route, RoutePolicy policy) {
        List<String> fallbacks = route.fallbacks().orElse(List.of());
        return switch (policy) {
            case FixedPolicy fixed -> FallbackPlan.fixed(route.model().orElseThrow(), fallbacks, route.lastResort());
            case PoolPolicy pool -> FallbackPlan.pool(pool.byQuality(), fallbacks, route.lastResort());
            case CascadePolicy cascade -> FallbackPlan.pool(cascade.strongestFirst(), fallbacks, route.lastResort());
            default ->
                new FallbackPlan(
                        route.strong().orElseThrow(), route.weak().orElseThrow(), fallbacks, route.lastResort());
        };
    }

    /**
     * For a cascade route's whole answer that fails one of its checks: the next candidate's decision and the check;
     * nothing for any other answer or route.
     */
    public Optional<Escalation> escalated(Decision decision, ChatCompletionRequest request, byte[] answer) {
        return decision.reason() == Reason.CASCADE && policies.get(decision.route()) instanceof CascadePolicy cascade
                ? cascade.escalated(decision, request, answer)
                : Optional.empty();
    }

    /** The models to try for a decision of one of these routes, in order, the decided model first. */
    public List<FallbackPlan.Candidate> candidates(Decision decision) {
        return plans.get(decision.route()).candidates(decision);
    }

    /**
     * The decision made to answer with the route's weak model (a pool route's candidate of least quality), because the
     * caller's soft budget is spent: policy {@code budget}, so the response says why. A decision that already chose it,
     * or a fixed route's, stays.
     */
    public Decision downgraded(Decision decision) {
        String weak = plans.get(decision.route()).weak();
        boolean pricier = decision.tier() == Tier.STRONG
                || (decision.tier() == Tier.CANDIDATE && !decision.model().equals(weak));
        if (!pricier) {
            return decision;
        }
        return new Decision(
                decision.route(),
                weak,
                decision.tier() == Tier.STRONG ? Tier.WEAK : Tier.CANDIDATE,
                Reason.BUDGET,
                decision.strongProbability(),
                decision.threshold(),
                decision.routerVersion(),
                decision.decisionMillis(),
                "the key's soft budget is spent: " + weak + " instead of " + decision.model(),
                decision.candidates());
    }

    /** The share of requests each learned route was configured to send to its strong model ({@code strong-pct}). */
    public Map<String, Double> strongShareTargets() {
        return strongShareTargets;
    }

    /**
     * The strong model of a route (a fixed route's only model, a pool route's best candidate): the price that savings are
     * measured against.
     */
    public String strongModel(String route) {
        return plans.get(route).strong();
    }

    private static String required(Optional<String> value, String route, String key, String what) {
        return value.orElseThrow(() ->
                new IllegalStateException("triage.routes." + route + "." + key + " must name a model for " + what));
    }

    public Set<String> names() {
        return policies.keySet();
    }

    /** The route that {@code model} names, if it names one; fails for a RouteLLM name with a threshold out of [0, 1]. */
    public Optional<RouteSelection> select(String model) {
        RoutePolicy policy = policies.get(model);
        if (policy != null) {
            return Optional.of(new RouteSelection(model, policy, null));
        }
        Matcher routellm = ROUTELLM_NAME.matcher(model);
        if (!routellm.matches() || !policies.containsKey(routellmRoute)) {
            return Optional.empty();
        }
        double threshold = Double.parseDouble(routellm.group(2));
        if (threshold < 0 || threshold > 1) {
            throw OpenAiException.invalidRequest("The threshold in '" + model + "' must be between 0 and 1.", "model");
        }
        return Optional.of(new RouteSelection(routellmRoute, policies.get(routellmRoute), threshold));
    }
}
