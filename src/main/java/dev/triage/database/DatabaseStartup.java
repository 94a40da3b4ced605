package dev.triage.database;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Brings the database up in the background, so that the gateway answers at once: starts the embedded PostgreSQL when
 * no {@code DB_URL} is given, migrates the schema, retrying while the database is unreachable, then fires
 * {@link DatabaseReady}. At shutdown the embedded server stops after everyone else's shutdown work (the ledger's flush).
 */
@ApplicationScoped
class DatabaseStartup {

    private static final long SUPERVISION_PERIOD_MILLIS = 2_000;

    private final DatabaseConfig config;
    private final EmbeddedDatabase embedded;
    private final SchemaMigration schema;
    private final DatabaseStatus status;
    private final Event<DatabaseReady> ready;

    DatabaseStartup(
            DatabaseConfig config,
            EmbeddedDatabase embedded,
            SchemaMigration schema,
            DatabaseStatus status,
            Event<DatabaseReady> ready) {
        this.config = config;
        this.embedded = embedded;
        this.schema = schema;
        this.status = status;
        this.ready = ready;
    }

    void start(@Observes StartupEvent event) {
        if (!config.enabled()) {
            Log.info("Ledger off (triage.ledger.enabled=false): no usage rows, no virtual keys");
            return;
        }
        Thread.ofPlatform().daemon().name("triage-ledger-schema").start(this::prepare);
    }

    void stop(@Observes @Priority(Interceptor.Priority.LIBRARY_AFTER) ShutdownEvent event) {
        embedded.stop();
    }

    private void prepare() {
        if (config.usesEmbedded()) {
            try {
                embedded.start();
            } catch (Exception e) {
                status.failed("the embedded PostgreSQL did not start: " + e.getMessage());
                Log.errorf(
                        e,
                        "The embedded PostgreSQL did not start; ledger rows stay buffered in memory. Set DB_URL to "
                                + "use an existing server.");
                return;
            }
        }
        long delay = 500;
        while (true) {
            try {
                schema.migrate();
                ready.fire(new DatabaseReady());
                status.becameReady();
                if (config.usesEmbedded()) {
                    supervise();
                }
                return;
            } catch (RuntimeException e) {
                status.starting("schema not migrated yet: " + e.getMessage());
                Log.warnf("Ledger schema not migrated yet (%s); retrying in %d ms", e.getMessage(), delay);
                try {
                    Thread.sleep(delay);
                } catch (InterruptedException interrupted) {
                    return;
                }
                delay = Math.min(delay * 2, 10_000);
            }
        }
    }

    /**
     * Watches the embedded server and starts it again when it dies, with a growing delay between failed starts;
     * meanwhile readiness data says so, and the ledger keeps its rows buffered.
     */
    private void supervise() {
        long backoff = SUPERVISION_PERIOD_MILLIS;
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(status.ready() ? SUPERVISION_PERIOD_MILLIS : backoff);
                if (status.ready() && !embedded.died()) {
                    continue;
                }
                if (status.ready()) {
                    Log.error("The embedded PostgreSQL stopped running; restarting it (ledger rows stay buffered)");
                }
                status.failed("the embedded PostgreSQL stopped running; restarting it");
                embedded.restart();
                status.becameReady();
                backoff = SUPERVISION_PERIOD_MILLIS;
                Log.info("The embedded PostgreSQL runs again");
            } catch (InterruptedException stopping) {
                return;
            } catch (Exception e) {
                backoff = Math.min(backoff * 2, 30_000);
                status.failed("the embedded PostgreSQL stopped running and did not restart (" + e.getMessage()
                        + "); trying again in " + backoff / 1000 + " s");
                Log.warnf(
                        "The embedded PostgreSQL did not restart (%s); trying again in %d ms", e.getMessage(), backoff);
            }
        }
    }
}
