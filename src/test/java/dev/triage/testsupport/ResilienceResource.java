package dev.triage.testsupport;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points small-timeout providers at the {@link FakeUpstream}, one provider per model so that each has its own circuit
 * breaker, bulkhead and rate-limit cooldown: a learned route {@code tiered} (weak {@code weak-m}, strong {@code strong-m}, alternative
 * {@code alt-m}, last resort {@code local-m}) selected by {@code router-mf-<threshold>} names, a model {@code down-m}
 * on a port where nothing listens falling back to {@code strong-m}, {@code breaker-m} with a small breaker, and
 * {@code bulk-m} allowing one call in flight and one waiting.
 */
public class ResilienceResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        String fake = FakeUpstream.get().start();
        Map<String, String> config = new HashMap<>();
        for (String model : new String[] {
            "weak-m",
            "strong-m",
            "alt-m",
            "local-m",
            "breaker-m",
            "bulk-m",
            "down-m",
            "limited-m",
            "keyed-m",
            "paced-m",
            "cooled-m",
            "last-limited-m",
            "flaky-m",
            "killable-m",
            "soak-weak-m",
            "soak-strong-m"
        }) {
            String provider = "triage.providers.p-" + model + ".";
            config.put(provider + "base-url", model.equals("down-m") ? "http://127.0.0.1:1/v1" : fake);
            config.put(provider + "read-timeout", "1s");
            config.put(provider + "first-byte-timeout", "1s");
            config.put(provider + "idle-timeout", "600ms");
            config.put(provider + "retry.initial-delay", "20ms");
            config.put(provider + "retry.max-retry-after", "2s");
            config.put(provider + "circuit-breaker.request-volume", "1000");
            config.put("triage.models." + model + ".provider", "p-" + model);
        }
        config.put("triage.providers.p-breaker-m.retry.max-retries", "0");
        config.put("triage.providers.p-breaker-m.circuit-breaker.request-volume", "4");
        config.put("triage.providers.p-breaker-m.circuit-breaker.failure-ratio", "0.5");
        config.put("triage.providers.p-breaker-m.circuit-breaker.delay", "1s");
        config.put("triage.providers.p-breaker-m.circuit-breaker.success-threshold", "1");
        config.put("triage.providers.p-bulk-m.bulkhead.max-concurrent", "1");
        config.put("triage.providers.p-bulk-m.bulkhead.queue-size", "1");
        config.put("triage.providers.p-bulk-m.bulkhead.max-wait", "300ms");
        config.put("triage.providers.p-bulk-m.idle-timeout", "5s");
        config.put("triage.models.down-m.fallbacks", "strong-m");
        // rate limits must not open this breaker, however many
        config.put("triage.providers.p-limited-m.retry.max-retries", "0");
        config.put("triage.providers.p-limited-m.circuit-breaker.request-volume", "4");
        // small breakers that judge whole calls: a try a retry then served is no failure of the provider
        for (String model : new String[] {"flaky-m", "killable-m"}) {
            String breaker = "triage.providers.p-" + model + ".circuit-breaker.";
            config.put(breaker + "request-volume", "4");
            config.put(breaker + "delay", "1s");
            config.put(breaker + "success-threshold", "1");
            config.put("triage.providers.p-" + model + ".retry.max-retries", "1");
        }
        KillableUpstream.get().revive();
        config.put(
                "triage.providers.p-killable-m.base-url", KillableUpstream.get().baseUrl());
        // FaultSoakTest: the default breaker and retries, as shipped
        for (String model : new String[] {"soak-weak-m", "soak-strong-m"}) {
            config.remove("triage.providers.p-" + model + ".circuit-breaker.request-volume");
            config.remove("triage.providers.p-" + model + ".retry.initial-delay");
        }
        config.put("triage.routes.soak.policy", "learned");
        config.put("triage.routes.soak.strong", "soak-strong-m");
        config.put("triage.routes.soak.weak", "soak-weak-m");
        config.put("triage.routes.soak.threshold", "0.5");
        // a 429 with a Retry-After cools these models down: each test has its own
        config.put("triage.models.cooled-m.fallbacks", "strong-m");
        // the gateway's key for this provider is refused upstream, which quotes it back
        config.put("triage.providers.p-keyed-m.api-key", "sk-canary-provider-key-0123456789");
        config.put("triage.providers.p-keyed-m.retry.max-retries", "0");
        config.put("triage.models.keyed-m.fallbacks", "strong-m");
        config.put("triage.routes.tiered.policy", "learned");
        config.put("triage.routes.tiered.strong", "strong-m");
        config.put("triage.routes.tiered.weak", "weak-m");
        config.put("triage.routes.tiered.threshold", "0.5");
        config.put("triage.routes.tiered.fallbacks", "alt-m");
        config.put("triage.routes.tiered.last-resort", "local-m");
        config.put("triage.routellm-route", "tiered");
        return config;
    }

    @Override
    public void stop() {
        FakeUpstream.get().stop();
        KillableUpstream.get().kill();
    }
}
