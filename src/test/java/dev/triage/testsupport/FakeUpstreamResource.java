package dev.triage.testsupport;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts the {@link FakeUpstream} and points provider {@code fake} at it: model {@code fake-model} (upstream id
 * {@code upstream-model}) with a short read timeout so that a hanging upstream fails fast, {@code limited-model} (an
 * upstream model of its own, for rate limits that cool it down), route {@code fake-route},
 * and provider {@code closed} on a port where nothing listens.
 */
public class FakeUpstreamResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
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
