package dev.triage.access;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Down while keys are required and the virtual keys have not been read yet: such a replica can only answer 503
 * {@code keys_loading}, so it must get no traffic. Without {@code require-keys} it stays up (the demo answers at once).
 */
@Readiness
@ApplicationScoped
class KeysHealth implements HealthCheck {

    private final KeyStore keys;
    private final boolean required;

    KeysHealth(KeyStore keys, KeysConfig config) {
        this.keys = keys;
        this.required = config.requireKeys();
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("api-keys").withData("loaded", keys.loaded());
        if (required && !keys.loaded()) {
            return response.down()
                    .withData("reason", "virtual keys not loaded yet")
                    .build();
        }
        return response.up().build();
    }
}
