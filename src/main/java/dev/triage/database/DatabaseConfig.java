package dev.triage.database;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code triage.database.*}: the PostgreSQL that holds the ledger and the virtual keys. */
@ConfigMapping(prefix = "triage.database")
public interface DatabaseConfig {

    /** Whether the gateway uses a database at all (it follows {@code triage.ledger.enabled}). */
    @WithDefault("true")
    boolean enabled();

    /** An existing PostgreSQL ({@code DB_URL}, e.g. {@code postgresql://db:5432/triage}); unset: the embedded one. */
    Optional<String> url();

    Embedded embedded();

    /** The PostgreSQL the gateway starts itself when no {@code url} is given. */
    interface Embedded {

        @WithDefault("true")
        boolean enabled();

        @WithDefault("54329")
        int port();

        /** Its data folder, kept across restarts. */
        String dataDir();

        /**
         * Its superuser password when {@code DB_PASSWORD} is unset (the datasource's default): drawn on the first start
         * and kept in {@code <data-dir>.password} by {@link EmbeddedPasswordSource}.
         */
        Optional<String> password();
    }

    /** Whether the gateway starts its own server. */
    default boolean usesEmbedded() {
        return url().isEmpty() && embedded().enabled();
    }
}
