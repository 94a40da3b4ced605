package dev.triage.testsupport;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts the {@link FakeUpstream} and points provider {@code fake} at it: model {@code fake-model} (upstream id
 * {@code upstream-model}) with a short read timeout so that a hanging upstream fails fast, {@code limited-model} (an
 * upstream model of its own, for rate limits that cool it down), route {@code fake-route},
 * provider {@code closed} on a port where nothing listens, and one provider of each other type on the same fake
 * upstream ({@code claude-model}, {@code gemini-model}, {@code azure-model}; Gemini drops what it cannot carry, the
 * others refuse it), {@code responses-model} on an OpenAI-compatible upstream that speaks the Responses API, with the
 * learned routes {@code mixed-strong} and {@code mixed-weak} between Claude and
 * {@code fake-model}, and the cost-first route {@code pool-cost} and the latency-first route {@code pool-fast} over both (Claude
 * 0.90, {@code fake-model} 0.86), and the cascade {@code pool-cascade} from {@code fake-model} to Claude; {@code spread-model} deployed on
 * {@code fake} (weight 3) and {@code fake-second} (1), {@code failover-model} on {@code closed} then {@code fake}
 * (least busy, ties to the heavier); {@code quick-model} on {@code fake-second} as {@code slow-upstream} and on
 * {@code fake}, lowest latency first.
 */
public class FakeUpstreamResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(common());
        config.putAll(otherProviderTypes());
        return config;
    }

    private static Map<String, String> otherProviderTypes() {
        String url = FakeUpstream.get().start();
        Map<String, String> config = new HashMap<>();
        Map.of("fake-anthropic", "anthropic", "fake-gemini", "gemini", "fake-azure", "azure-openai")
                .forEach((provider, type) -> {
                    config.put("triage.providers." + provider + ".type", type);
                    config.put("triage.providers." + provider + ".base-url", url);
                    config.put("triage.providers." + provider + ".api-key", "sk-" + type + "-secret");
                    config.put("triage.providers." + provider + ".retry.max-retries", "0");
                    config.put("triage.providers." + provider + ".circuit-breaker.enabled", "false");
                });
        config.put("triage.providers.fake-gemini.unsupported-params", "drop");
        config.put("triage.providers.fake-responses.base-url", url);
        config.put("triage.providers.fake-responses.responses-api", "true");
        config.put("triage.providers.fake-responses.retry.max-retries", "0");
        config.put("triage.models.responses-model.provider", "fake-responses");
        config.put("triage.models.responses-model.upstream-model", "responses-upstream");
        config.put("triage.models.responses-model.input-price", "2.00");
        config.put("triage.models.responses-model.output-price", "8.00");
        // the -limited models are rate-limited by the tests, which cools them down
        Map.of(
                        "claude-model", "fake-anthropic",
                        "claude-limited-model", "fake-anthropic",
                        "gemini-model", "fake-gemini",
                        "gemini-limited-model", "fake-gemini",
                        "azure-model", "fake-azure")
                .forEach((model, provider) -> {
                    config.put("triage.models." + model + ".provider", provider);
                    config.put("triage.models." + model + ".upstream-model", model.replace("-model", "-upstream"));
                });
        config.put("triage.models.claude-model.input-price", "3.00");
        config.put("triage.models.claude-model.output-price", "15.00");
        for (String route : new String[] {"mixed-strong", "mixed-weak"}) {
            config.put("triage.routes." + route + ".policy", "learned");
            config.put("triage.routes." + route + ".strong", "claude-model");
            config.put("triage.routes." + route + ".weak", "fake-model");
            config.put("triage.routes." + route + ".threshold", route.endsWith("strong") ? "0" : "1");
        }
        config.put("triage.routes.pool-cost.policy", "cost-first");
        config.put("triage.routes.pool-cost.candidates", "claude-model,fake-model");
        config.put("triage.routes.pool-cost.quality.claude-model", "0.90");
        config.put("triage.routes.pool-cost.quality.fake-model", "0.86");
        config.put("triage.routes.pool-fast.policy", "latency-first");
        config.put("triage.routes.pool-fast.candidates", "claude-model,fake-model");
        config.put("triage.routes.pool-fast.quality.claude-model", "0.90");
        config.put("triage.routes.pool-fast.quality.fake-model", "0.86");
        // deployments: spread-model on fake (weight 3) and fake-second (1); failover-model on closed, then fake
        config.put("triage.providers.fake-second.base-url", url);
        config.put("triage.providers.fake-second.retry.max-retries", "0");
        config.put("triage.providers.fake-second.circuit-breaker.enabled", "false");
        config.put("triage.models.spread-model.provider", "fake");
        config.put("triage.models.spread-model.upstream-model", "upstream-model");
        config.put("triage.models.spread-model.weight", "3");
        config.put("triage.models.spread-model.deployments[0].provider", "fake-second");
        config.put("triage.models.failover-model.provider", "closed");
        config.put("triage.models.failover-model.weight", "2");
        config.put("triage.models.failover-model.balance", "least-busy");
        config.put("triage.models.failover-model.deployments[0].provider", "fake");
        config.put("triage.models.failover-model.deployments[0].upstream-model", "upstream-model");
        // quick-model on fake-second (upstream slow-upstream) and fake (upstream-model), lowest latency first
        config.put("triage.models.quick-model.provider", "fake-second");
        config.put("triage.models.quick-model.upstream-model", "slow-upstream");
        config.put("triage.models.quick-model.balance", "lowest-latency");
        config.put("triage.models.quick-model.deployments[0].provider", "fake");
        config.put("triage.models.quick-model.deployments[0].upstream-model", "upstream-model");
        config.put("triage.routes.pool-cascade.policy", "cascade");
        config.put("triage.routes.pool-cascade.candidates", "fake-model,claude-model");
        return config;
    }

    private static Map<String, String> common() {
        return Map.ofEntries(
                Map.entry("triage.providers.fake.base-url", FakeUpstream.get().start()),
                Map.entry("triage.providers.fake.api-key", "sk-upstream-secret"),
                Map.entry("triage.providers.fake.read-timeout", "2s"),
                // these tests pin how one failure reaches the client; retries and breakers have ResilienceTest
                Map.entry("triage.providers.fake.retry.max-retries", "0"),
                Map.entry("triage.providers.fake.circuit-breaker.enabled", "false"),
                Map.entry("triage.providers.closed.base-url", "http://127.0.0.1:1/v1"),
                Map.entry("triage.providers.closed.retry.max-retries", "0"),
                Map.entry("triage.models.fake-model.provider", "fake"),
                Map.entry("triage.models.fake-model.upstream-model", "upstream-model"),
                Map.entry("triage.models.fake-model.input-price", "1.50"),
                Map.entry("triage.models.fake-model.output-price", "4.00"),
                Map.entry("triage.models.unreachable-model.provider", "closed"),
                Map.entry("triage.models.limited-model.provider", "fake"),
                Map.entry("triage.models.limited-model.upstream-model", "limited-upstream-model"),
                // priced so that any answer's cost overflows the ledger's cost column
                Map.entry("triage.models.pricey-model.provider", "fake"),
                Map.entry("triage.models.pricey-model.upstream-model", "upstream-model"),
                Map.entry("triage.models.pricey-model.input-price", "1e15"),
                Map.entry("triage.routes.fake-route.model", "fake-model"),
                // small enough that tests can exceed it cheaply
                Map.entry("triage.max-body-size", "1K"));
    }

    @Override
    public void stop() {
        FakeUpstream.get().stop();
    }
}
