package dev.triage.database;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.triage.testsupport.LedgerRows;
import dev.triage.testsupport.SimulatedChat;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * The embedded PostgreSQL as an operator relies on it: nobody connects without the password kept beside its data
 * (owner-only), and when its server dies the gateway starts it again, says so in readiness meanwhile, and loses no row.
 */
@QuarkusTest
class EmbeddedSupervisionTest {

    private static final Path DATA = Path.of("target/pgdata-test");
    private static final String URL = "jdbc:postgresql://localhost:54391/postgres";

    @Inject
    Pool pool;

    @Test
    void noConnectionWithoutThePasswordKeptOwnerOnlyBesideTheData() throws Exception {
        String id = chat();
        LedgerRows.rowOf(pool, id); // the server is up and the gateway writes to it
        Path file = EmbeddedPasswordSource.fileFor(DATA);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(Files.readString(DATA.resolve("pg_hba.conf")).lines().filter(line -> !line.startsWith("#")))
                .noneMatch(line -> line.matches(".*\\strust\\s*$"));
        assertThatThrownBy(
                        () -> DriverManager.getConnection(URL, "postgres", "").close())
                .isInstanceOf(SQLException.class);
        assertThatThrownBy(() ->
                        DriverManager.getConnection(URL, "postgres", "postgres").close())
                .isInstanceOf(SQLException.class);
        DriverManager.getConnection(URL, "postgres", Files.readString(file).strip())
                .close();
    }

    @Test
    void aServerThatDiesIsStartedAgainAndNoRowIsLost() throws Exception {
        LedgerRows.rowOf(pool, chat());
        long postmaster = Long.parseLong(
                Files.readAllLines(DATA.resolve("postmaster.pid")).getFirst().strip());
        ProcessHandle.of(postmaster).orElseThrow().destroyForcibly();

        String during = chat();
        Set<String> states = new HashSet<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String state;
        do {
            Thread.sleep(50);
            state = given().get("/q/health/ready")
                    .then()
                    .extract()
                    .path("checks.find { it.name == 'ledger' }.data.state");
            states.add(state);
        } while (!(states.contains("failed") && "ready".equals(state)) && System.nanoTime() < deadline);
        assertThat(states).contains("failed", "ready");
        LedgerRows.rowOf(pool, during);
        LedgerRows.rowOf(pool, chat());
    }

    private static String chat() {
        return SimulatedChat.answered("supervised-");
    }
}
