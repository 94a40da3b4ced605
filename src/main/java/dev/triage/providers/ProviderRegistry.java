package dev.triage.providers;

import java.util.ArrayList;
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

    private final Map<String, Deployments> models;
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
        Map<String, Deployments> usable = new TreeMap<>();
        Map<String, String> skipped = new LinkedHashMap<>();
        config.models().forEach((name, model) -> {
            String key = "triage.models." + name;
            List<ProvidersConfig.Deployment> more = model.deployments().orElse(List.of());
            List<Deployments.Weighted> deployed = new ArrayList<>();
            List<String> why = new ArrayList<>();
            deploy(
                    name,
                    model,
                    model.provider(),
                    model.upstreamModel(),
                    weight(key + ".weight", model.weight()),
                    providers,
                    disabledProviders,
                    !more.isEmpty(),
                    deployed,
                    why);
            for (int i = 0; i < more.size(); i++) {
                ProvidersConfig.Deployment deployment = more.get(i);
                if (!config.providers().containsKey(deployment.provider())) {
                    throw new IllegalStateException(key + ".deployments[" + i + "].provider names '"
                            + deployment.provider() + "', which is not a provider of triage.providers");
                }
                deploy(
                        name,
                        model,
                        deployment.provider(),
                        deployment.upstreamModel(),
                        weight(key + ".deployments[" + i + "].weight", deployment.weight()),
                        providers,
                        disabledProviders,
                        true,
                        deployed,
                        why);
            }
            if (deployed.isEmpty()) {
                skipped.put(name, String.join("; ", why));
            } else {
                usable.put(name, new Deployments(deployed, model.balance()));
            }
        });
        this.models = Collections.unmodifiableMap(usable);
        this.unavailable = Collections.unmodifiableMap(skipped);
        Log.infof("Models available: %s", usable.keySet());
    }

    private static int weight(String key, int weight) {
        if (weight < 1) {
            throw new IllegalStateException(key + " must be at least 1; it is " + weight);
        }
        return weight;
    }

    /** Adds the model's deployment at {@code providerName} when that provider is usable, else says why not. */
    private static void deploy(
            String name,
            ProvidersConfig.Model model,
            String providerName,
            Optional<String> upstreamModel,
            int weight,
            Map<String, Provider> providers,
            Map<String, String> disabledProviders,
            boolean several,
            List<Deployments.Weighted> deployed,
            List<String> why) {
        Provider provider = providers.get(providerName);
        if (provider == null) {
            why.add(disabledProviders.getOrDefault(providerName, "provider '" + providerName + "' is not configured"));
            return;
        }
        deployed.add(new Deployments.Weighted(
                new ModelTarget(
                        name,
                        provider,
                        upstreamModel.orElse(model.upstreamModel().orElse(name)),
                        model.inputPrice(),
                        model.outputPrice(),
                        model.fallbacks().orElse(List.of()),
                        several ? name + "@" + providerName : name),
                weight));
    }

    /** The model at its first usable deployment. */
    public Optional<ModelTarget> find(String model) {
        return Optional.ofNullable(models.get(model)).map(Deployments::primary);
    }

    /**
     * The model's deployments in the order one call should try them (as its {@code balance} says); empty when the
     * model cannot be used.
     */
    public List<ModelTarget> deploymentsFor(String model) {
        Deployments deployments = models.get(model);
        return deployments == null ? List.of() : deployments.forCall();
    }

    /** Every provider the gateway calls, by name. */
    public Map<String, Provider> providers() {
        Map<String, Provider> byName = new TreeMap<>();
        models.values()
                .forEach(model -> model.all()
                        .forEach(target -> byName.put(target.provider().name(), target.provider())));
        return byName;
    }

    /** Every usable model, at its first usable deployment. */
    public Collection<ModelTarget> models() {
        return models.values().stream().map(Deployments::primary).toList();
    }

    /** Why a configured model cannot be used, if it is configured at all. */
    public Optional<String> whyUnavailable(String model) {
        return Optional.ofNullable(unavailable.get(model));
    }
}
