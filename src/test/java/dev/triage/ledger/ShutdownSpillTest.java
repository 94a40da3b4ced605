package dev.triage.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.triage.testsupport.SimulatedChat;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** Shutting down while the database is unreachable keeps every buffered row in the spill file instead of losing it. */
@QuarkusTest
@TestProfile(ShutdownSpillTest.DatabaseUnreachable.class)
class ShutdownSpillTest {

    static final Path SPILL = Path.of("target/ledger-spill-shutdown-test.jsonl");

    public static class DatabaseUnreachable implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "triage.database.url",
                    "postgresql://127.0.0.1:1/postgres",
                    "triage.ledger.spill-file",
                    SPILL.toString());
        }
    }

    @Inject
    LedgerWriter writer;

    @Test
    void bufferedRowsGoToTheSpillFileAtShutdown() throws Exception {
        Files.deleteIfExists(SPILL);
        List<String> ids = IntStream.range(0, 3)
                .mapToObj(i -> SimulatedChat.answered("unwritten-"))
                .toList();
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (writer.buffered() < ids.size() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        writer.close(null); // what the shutdown does (this profile's gateway is not used again)

        List<String> spilled = new LedgerSpill(SPILL, new ObjectMapper().findAndRegisterModules())
                .load().stream().map(LedgerRow::requestId).toList();
        assertThat(spilled).containsAll(ids);
        assertThat(writer.buffered()).isZero();
    }
}
