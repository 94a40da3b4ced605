package dev.triage.ledger;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.triage.testsupport.LedgerRows;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * A restart during a database outage loses nothing: rows an earlier run kept in its spill file at shutdown are written
 * when the database is ready, and the file goes away.
 */
@QuarkusTest
@TestProfile(SpilledRowsTest.EarlierRunLeftRows.class)
class SpilledRowsTest {

    static final Path SPILL = Path.of("target/ledger-spill-replay-test.jsonl");
    static final List<String> LEFT = List.of("spilled-" + UUID.randomUUID(), "spilled-" + UUID.randomUUID());

    public static class EarlierRunLeftRows implements QuarkusTestProfile {

        private static boolean written;

        @Override
        public synchronized Map<String, String> getConfigOverrides() {
            if (!written) {
                try {
                    new LedgerSpill(SPILL, new ObjectMapper().findAndRegisterModules())
                            .save(LEFT.stream().map(LedgerSpillTest::row).toList());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                written = true;
            }
            return Map.of("triage.ledger.spill-file", SPILL.toString());
        }
    }

    @Inject
    Pool pool;

    @Test
    void rowsKeptByAnEarlierRunAreWrittenAndTheFileRemoved() throws InterruptedException {
        LEFT.forEach(
                id -> assertThat(LedgerRows.rowOf(pool, id).getString("model")).isEqualTo("sim-weak"));
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (Files.exists(SPILL) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(SPILL).doesNotExist();
        given().get("/q/health/ready").then().statusCode(200);
    }
}
