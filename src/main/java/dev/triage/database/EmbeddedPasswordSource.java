package dev.triage.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;

/**
 * {@code triage.database.embedded.password}: the embedded PostgreSQL's superuser password, drawn on the first start and
 * kept beside its data folder ({@code <data-dir>.password}, readable by the owner only), so that the server never
 * accepts a local connection without it. Only when the gateway runs its own server (no {@code DB_URL}); the datasource
 * falls back to it when {@code DB_PASSWORD} is unset.
 */
public final class EmbeddedPasswordSource implements ConfigSourceFactory {

    static final String PASSWORD = "triage.database.embedded.password";
    /** Files holding the password: readable and writable by their owner only. */
    static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue dataDir = context.getValue("triage.database.embedded.data-dir");
        ConfigValue url = context.getValue("triage.database.url");
        boolean embedded = url.getValue() == null || url.getValue().isBlank();
        if (!embedded || dataDir.getValue() == null) {
            return List.of();
        }
        return List.of(new Lazy(Path.of(dataDir.getValue())));
    }

    /** Reads (or draws) the password only when someone asks for it: a build never writes a file. */
    private static final class Lazy implements ConfigSource {

        private final Path dataDir;
        private volatile String password;

        Lazy(Path dataDir) {
            this.dataDir = dataDir;
        }

        @Override
        public Set<String> getPropertyNames() {
            return Set.of(PASSWORD);
        }

        @Override
        public String getValue(String name) {
            if (!PASSWORD.equals(name)) {
                return null;
            }
            if (password == null) {
                password = passwordOf(dataDir);
            }
            return password;
        }

        @Override
        public String getName() {
            return "triage-embedded-database-password";
        }

        @Override
        public int getOrdinal() {
            return 100;
        }
    }

    /** The password kept for the data folder {@code dataDir}, drawn and saved (0600) on first use. */
    static String passwordOf(Path dataDir) {
        Path file = fileFor(dataDir);
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                byte[] secret = new byte[24];
                new SecureRandom().nextBytes(secret);
                try {
                    Files.createFile(file, OWNER_ONLY);
                    Files.writeString(file, HexFormat.of().formatHex(secret));
                } catch (FileAlreadyExistsException drawnByAnotherStart) {
                    // read below
                }
            }
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "the embedded database's password file " + file + " cannot be read or written", e);
        }
    }

    static Path fileFor(Path dataDir) {
        Path absolute = dataDir.toAbsolutePath().normalize();
        return absolute.resolveSibling(absolute.getFileName() + ".password");
    }
}
