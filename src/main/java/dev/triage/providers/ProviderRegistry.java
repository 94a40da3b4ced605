package dev.triage.providers;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Tracer;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import io.vertx.core.Vertx;

/**
 * Every configured model whose provider is usable, built once at startup. A model whose provider needs a key it does not
 * have is left out and remembered, so that asking for it says which variable to set.
 */
@Startup
@ApplicationScoped
public class ProviderRegistry {

    private final Map<String, ModelTarget> models;
    private final Map<String, String> unavailable;

    ProviderRegistry(ProvidersConfig config, Vertx vertx, MeterRegistry metrics, Tracer tracer) {
        Map<String, Provider> providers = new HashMap<>();
        Map<String, String> disabledProviders = new HashMap<>();
        config.providers().forEach((name, provider) -> {
            if (provider.apiKeyRequired() && provider.apiKey().isEmpty()) {
                disabledProviders.put(name, "provider '" + name + "' has no API key configured");
                Log.infof("Provider %s is disabled: it needs an API key and none is set", name);
            } else {
                providers.put(name, new Provider(name, provider, vertx, metrics, tracer));
            }
        });
        Map<String, ModelTarget> usable = new TreeMap<>();
        Map<String, String> skipped = new LinkedHashMap<>();
        config.models().forEach((name, model) -> {
            Provider provider = providers.get(model.provider());
            if (provider != null) {
                usable.put(
                        name,
                        new ModelTarget(
                                name,
                                provider,
                                model.upstreamModel().orElse(name),
                                model.inputPrice(),
                                model.outputPrice(),
                                model.fallbacks().orElse(List.of())));
            } else {
                skipped.put(
                        name,
                        disabledProviders.getOrDefault(
                                model.provider(), "provider '" + model.provider() + "' is not configured"));
            }
        });
        this.models = Collections.unmodifiableMap(usable);
        this.unavailable = Collections.unmodifiableMap(skipped);
        Log.infof("Models available: %s", usable.keySet());
    }

    public Optional<ModelTarget> find(String model) {
        return Optional.ofNullable(models.get(model));
    }

    /** Every provider the gateway calls, by name. */
    public Map<String, Provider> providers() {
        Map<String, Provider> byName = new TreeMap<>();
        models.values().forEach(model -> byName.put(model.provider().name(), model.provider()));
        return byName;
    }

    public Collection<ModelTarget> models() {
        return models.values();
    }

    /** Why a configured model cannot be used, if it is configured at all. */
    public Optional<String> whyUnavailable(String model) {
        return Optional.ofNullable(unavailable.get(model));
    }
}
