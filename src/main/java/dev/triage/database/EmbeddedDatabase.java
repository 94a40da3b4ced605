package dev.triage.database;

import java.io.File;
import java.io.IOException;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A PostgreSQL server of the gateway's own (zonky's embedded binaries, no Docker), for the default run and the tests:
 * its data folder survives restarts, so the ledger does too.
 */
@ApplicationScoped
public class EmbeddedDatabase {

    private final DatabaseConfig.Embedded config;
    private EmbeddedPostgres postgres;

    EmbeddedDatabase(DatabaseConfig config) {
        this.config = config.embedded();
    }

    public synchronized void start() throws IOException {
        if (postgres == null) {
            long begin = System.nanoTime();
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(new File(config.dataDir()))
                    .setCleanDataDirectory(false)
                    .setPort(config.port())
                    .start();
            Log.infof(
                    "Embedded PostgreSQL on port %d (data in %s) started in %d ms",
                    config.port(), config.dataDir(), (System.nanoTime() - begin) / 1_000_000);
        }
    }

    public synchronized void stop() {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                Log.warnf(e, "Embedded PostgreSQL did not stop cleanly");
            }
            postgres = null;
        }
    }
}
