package dev.triage.database;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.resource.LoadableResource;

/**
 * The schema's migration scripts under {@code db/migration}, named here rather than found by scanning the class path: a
 * native image has no class path to scan (Quarkus's Flyway extension records the list at build time; the gateway runs
 * Flyway as a plain library, off its startup path, so it keeps the list itself). A test fails when a script in the
 * folder is missing from {@link #FILES}.
 */
final class MigrationScripts implements ResourceProvider {

    static final String FOLDER = "db/migration/";
    static final List<String> FILES =
            List.of("V1__ledger.sql", "V2__api_keys.sql", "V3__threshold_override.sql", "V4__usage_estimated.sql");

    @Override
    public LoadableResource getResource(String name) {
        return FILES.contains(name) ? new Script(name) : null;
    }

    @Override
    public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
        return FILES.stream()
                .filter(name ->
                        name.startsWith(prefix) && Arrays.stream(suffixes).anyMatch(name::endsWith))
                .<LoadableResource>map(Script::new)
                .toList();
    }

    private static final class Script extends LoadableResource {

        private final String name;

        Script(String name) {
            this.name = name;
        }

        @Override
        public Reader read() {
            InputStream in = MigrationScripts.class.getClassLoader().getResourceAsStream(FOLDER + name);
            if (in == null) {
                throw new FlywayException("migration script " + FOLDER + name + " is not on the class path");
            }
            return new InputStreamReader(in, StandardCharsets.UTF_8);
        }

        @Override
        public String getAbsolutePath() {
            return FOLDER + name;
        }

        @Override
        public String getAbsolutePathOnDisk() {
            return FOLDER + name;
        }

        @Override
        public String getFilename() {
            return name;
        }

        @Override
        public String getRelativePath() {
            return name;
        }
    }
}
