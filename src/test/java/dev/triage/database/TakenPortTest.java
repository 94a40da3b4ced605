package dev.triage.database;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Another server on the embedded database's port is not taken for ours: the ledger reports the conflict, naming the
 * port, instead of writing rows and reading keys from a database that is not its own.
 */
@QuarkusTest
@WithTestResource(TakenPortTest.SomethingOnThePort.class)
class TakenPortTest {

    public static class SomethingOnThePort implements QuarkusTestResourceLifecycleManager {

        private ServerSocket squatter;

        @Override
        public Map<String, String> start() {
            try {
                squatter = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Map.of(
                    "triage.database.embedded.port",
                    String.valueOf(squatter.getLocalPort()),
                    "triage.database.embedded.data-dir",
                    "target/pgdata-taken-port-test");
        }

        @Override
        public void stop() {
            try {
                squatter.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Test
    void theLedgerSaysThePortIsTaken() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String state = null;
        while (!"failed".equals(state) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            state = given().get("/q/health/ready")
                    .then()
                    .extract()
                    .path("checks.find { it.name == 'ledger' }.data.state");
        }
        assertThat(state).isEqualTo("failed");
        String reason =
                given().get("/q/health/ready").then().extract().path("checks.find { it.name == 'ledger' }.data.reason");
        assertThat(reason).contains("is taken by another server");
    }
}
