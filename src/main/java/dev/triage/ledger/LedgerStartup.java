package dev.triage.ledger;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Brings the ledger's database up in the background, so that the gateway answers at once: starts the embedded
 * PostgreSQL when no {@code DB_URL} is given, migrates the schema, retrying while the database is unreachable, then lets
 * the writer write and loads the virtual keys. At shutdown the writer flushes before the embedded database stops.
 */
@ApplicationScoped
public class LedgerStartup {

    private final LedgerConfig config;
    private final EmbeddedDatabase embedded;
    private final SchemaMigration schema;
    private final LedgerWriter writer;
    private final KeyStore keys;
    private final KeysConfig keysConfig;
    private final LedgerStatus status;

    LedgerStartup(LedgerConfig config, EmbeddedDatabase embedded, SchemaMigration schema, LedgerWriter writer, KeyStore keys,
            KeysConfig keysConfig, LedgerStatus status) {
        this.config = config;
        this.status = status;
        this.keys = keys;
        this.keysConfig = keysConfig;
        this.embedded = embedded;
        this.schema = schema;
        this.writer = writer;
    }

    void start(@Observes StartupEvent event) {
        if (!config.enabled()) {
            Log.info("Ledger off (triage.ledger.enabled=false): no usage rows, no virtual keys");
            return;
        }
        Thread.ofPlatform().daemon().name("triage-ledger-schema").start(this::prepare);
    }

    void stop(@Observes ShutdownEvent event) {
        writer.close(Duration.ofSeconds(10));
        embedded.stop();
    }

    private void prepare() {
        if (usesEmbedded()) {
            try {
                embedded.start();
            } catch (Exception e) {
                status.failed("the embedded PostgreSQL did not start: " + e.getMessage());
                Log.errorf(e, "The embedded PostgreSQL did not start; ledger rows stay buffered in memory. Set DB_URL to "
                        + "use an existing server.");
                return;
            }
        }
        long delay = 500;
        while (true) {
            try {
                schema.migrate();
                writer.open();
                keys.startRefreshing(keysConfig.keyRefresh());
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

    private boolean usesEmbedded() {
        return config.databaseUrl().isEmpty() && config.embedded().enabled();
    }
}
