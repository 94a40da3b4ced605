package dev.triage.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class MigrationScriptsTest {

    @Test
    void everyScriptInTheFolderIsListed() throws IOException {
        try (Stream<Path> folder = Files.list(Path.of("src/main/resources", MigrationScripts.FOLDER))) {
            assertThat(MigrationScripts.FILES)
                    .containsExactlyInAnyOrderElementsOf(
                            folder.map(path -> path.getFileName().toString()).toList());
        }
    }

    @Test
    void flywayFindsVersionedScriptsByPrefixAndSuffix() throws IOException {
        var scripts = new MigrationScripts();
        assertThat(scripts.getResources("V", new String[] {".sql"}))
                .extracting("filename")
                .containsExactly(
                        "V1__ledger.sql", "V2__api_keys.sql", "V3__threshold_override.sql", "V4__usage_estimated.sql");
        assertThat(scripts.getResources("R", new String[] {".sql"})).isEmpty();
        try (var reader = scripts.getResource("V1__ledger.sql").read()) {
            assertThat(reader.read()).isPositive();
        }
    }
}
