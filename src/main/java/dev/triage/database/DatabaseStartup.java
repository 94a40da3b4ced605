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
}
