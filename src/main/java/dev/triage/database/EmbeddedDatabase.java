package dev.triage.database;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.logging.Log;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A PostgreSQL server of the gateway's own (zonky's embedded binaries, no Docker), for the default run and the tests:
 * its data folder survives restarts, so the ledger does too. Every connection needs the datasource's password: the one
 * drawn on its first start ({@link EmbeddedPasswordSource}) unless {@code DB_PASSWORD} says otherwise.
 */
@ApplicationScoped
public class EmbeddedDatabase {

    private final DatabaseConfig.Embedded config;
    private final String password;
    private EmbeddedPostgres postgres;

    EmbeddedDatabase(
            DatabaseConfig config, @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.config = config.embedded();
        this.password = password.orElse("");
    }

    public synchronized void start() throws IOException {
        if (postgres == null) {
            refuseTakenPort();
            long begin = System.nanoTime();
            Path passwordFile = Files.createTempFile("triage-pg", ".pw", EmbeddedPasswordSource.OWNER_ONLY);
            try {
                Files.writeString(passwordFile, password);
                postgres = EmbeddedPostgres.builder()
                        .setDataDirectory(new File(config.dataDir()))
                        .setCleanDataDirectory(false)
                        .setPort(config.port())
                        // initdb of a new data folder: a password for every connection, local ones too (these come
                        // after zonky's own "-A trust", and initdb takes the last)
                        .setLocaleConfig("auth", "scram-sha-256")
                        .setLocaleConfig("pwfile", passwordFile.toString())
                        .setConnectConfig("password", password)
                        .start();
            } finally {
                Files.deleteIfExists(passwordFile);
            }
            requirePassword();
            Log.infof(
                    "Embedded PostgreSQL on port %d (data in %s) started in %d ms",
                    config.port(), config.dataDir(), (System.nanoTime() - begin) / 1_000_000);
        }
    }

    /** Whether the server this gateway started has stopped without being asked to (its postmaster is gone). */
    synchronized boolean died() {
        return postgres != null && !runsOurServer();
    }

    /** Starts the server again after it died: what is left of the dead one is closed first. */
    synchronized void restart() throws IOException {
        stop();
        start();
    }

    /**
     * A data folder from before passwords (initdb with {@code trust}) is given the password and switched to
     * {@code scram-sha-256}, so that an upgrade closes the hole too.
     */
    private void requirePassword() throws IOException {
        Path hba = Path.of(config.dataDir(), "pg_hba.conf");
        String rules = Files.readString(hba);
        if (!rules.lines().anyMatch(line -> !line.startsWith("#") && line.matches(".*\\strust[ \\t]*$"))) {
            return;
        }
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            // an operator's DB_PASSWORD or the drawn one; ALTER USER takes no bind parameters
            statement.execute("ALTER USER postgres PASSWORD '" + password.replace("'", "''") + "'");
            Files.writeString(hba, rules.replaceAll("(?m)\\strust[ \\t]*$", " scram-sha-256"));
            statement.execute("SELECT pg_reload_conf()");
        } catch (SQLException e) {
            throw new IOException("could not set the embedded PostgreSQL's password: " + e.getMessage(), e);
        }
        Log.info("Embedded PostgreSQL: connections now need its password (trust switched to scram-sha-256)");
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
            } catch (IOException | RuntimeException e) {
                Log.warnf("Embedded PostgreSQL did not stop cleanly: %s", e.getMessage());
            }
            postgres = null;
        }
    }
}
