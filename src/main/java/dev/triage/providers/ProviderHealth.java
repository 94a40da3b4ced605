package dev.triage.providers;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Each provider's circuit breaker state in {@code /q/health/ready}. It stays up while a circuit is open: fallback
 * chains still answer, and taking the replica out of service would not bring the provider back.
 */
@Readiness
@ApplicationScoped
public class ProviderHealth implements HealthCheck {

    private final ProviderRegistry registry;

    ProviderHealth(ProviderRegistry registry) {
        this.registry = registry;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response =
                HealthCheckResponse.named("providers").up();
        registry.providers().forEach((name, provider) -> response.withData(name, "circuit " + provider.circuit()));
        return response.build();
    }
}
