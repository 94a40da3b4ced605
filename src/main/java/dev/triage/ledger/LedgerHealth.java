package dev.triage.ledger;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import dev.triage.database.DatabaseStatus;

/**
 * The ledger's state in {@code /q/health/ready}. It stays up in every state: requests are still answered and their rows
 * buffered, so taking the replica out of service would lose more than it saves.
 */
@Readiness
@ApplicationScoped
public class LedgerHealth implements HealthCheck {

    private final DatabaseStatus status;
    private final LedgerWriter writer;

    LedgerHealth(DatabaseStatus status, LedgerWriter writer) {
        this.status = status;
        this.writer = writer;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("ledger")
                .up()
                .withData("state", status.state().label())
                .withData("buffered-rows", writer.buffered());
        return status.ready()
                ? response.build()
                : response.withData("reason", status.reason()).build();
    }
}
