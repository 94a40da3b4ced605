package dev.triage.database;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;

/**
 * The ledger's schema, migrated by Flyway from {@link MigrationScripts} (versioned SQL, applied once each, recorded in
 * {@code flyway_schema_history}) over one JDBC connection to the reactive client's database. Flyway and the JDBC driver
 * are loaded only here, in the ledger's background start, never on the gateway's startup path.
 */
@ApplicationScoped
class SchemaMigration {

    private final String jdbcUrl;
    private final String user;
    private final String password;

    SchemaMigration(
            @ConfigProperty(name = "quarkus.datasource.reactive.url") String reactiveUrl,
            @ConfigProperty(name = "quarkus.datasource.username") String user,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.jdbcUrl = jdbcUrl(reactiveUrl);
        this.user = user;
        this.password = password.orElse(null);
    }

    void migrate() {
        Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(jdbcUrl, user, password)
                .resourceProvider(new MigrationScripts())
                .load()
                .migrate();
    }

    /** {@code postgresql://host:port/db?...} (or {@code postgres://}, {@code vertx-reactive:...}) as a JDBC URL. */
    static String jdbcUrl(String reactiveUrl) {
        String url = reactiveUrl.strip();
        if (url.startsWith("vertx-reactive:")) {
            url = url.substring("vertx-reactive:".length());
        }
        if (url.startsWith("postgres://")) {
            url = "postgresql://" + url.substring("postgres://".length());
        }
        return url.startsWith("jdbc:") ? url : "jdbc:" + url;
    }
}
