package dev.triage.database;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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
            refuseTakenPort();
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

    /**
     * Fails when something other than this gateway's own server already listens on the port: starting would seem to
     * work while the ledger and the keys went to that other database.
     */
    private void refuseTakenPort() throws IOException {
        try (Socket probe = new Socket()) {
            probe.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), config.port()), 500);
        } catch (IOException free) {
            return;
        }
        if (!runsOurServer()) {
            throw new IOException("port " + config.port() + " is taken by another server (not the one with data in "
                    + config.dataDir() + "): set TRIAGE_DB_PORT to a free port, or DB_URL to use that server");
        }
    }

    /** Whether our data folder's postmaster.pid names a live process serving our port (left from an earlier run). */
    private boolean runsOurServer() {
        Path pidFile = Path.of(config.dataDir(), "postmaster.pid");
        try {
            List<String> lines = Files.readAllLines(pidFile);
            return lines.size() > 3
                    && ProcessHandle.of(Long.parseLong(lines.get(0).strip())).isPresent()
                    && lines.get(3).strip().equals(String.valueOf(config.port()));
        } catch (IOException | NumberFormatException e) {
            return false;
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
