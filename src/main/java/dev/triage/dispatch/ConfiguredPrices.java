package dev.triage.dispatch;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.triage.providers.ProvidersConfig;
import dev.triage.routing.ModelPrices;

/** The prices of {@code triage.models}, for the routes that weigh cost. */
@ApplicationScoped
class ConfiguredPrices implements ModelPrices {

    private final ProvidersConfig config;

    ConfiguredPrices(ProvidersConfig config) {
        this.config = config;
    }

    @Override
    public Optional<Price> of(String model) {
        return Optional.ofNullable(config.models().get(model))
                .map(found -> new Price(
                        found.inputPrice().doubleValue(), found.outputPrice().doubleValue()));
    }
}
