package dev.triage.testsupport;

import static io.restassured.RestAssured.given;

import java.time.Duration;

/** Waits until the ledger's database is up (on a clean machine the embedded PostgreSQL is created first). */
public final class LedgerReady {

    private LedgerReady() {}

    public static void await() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!"ready".equals(state())) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("The ledger database did not become ready: " + state());
            }
            Thread.sleep(100);
        }
    }

    private static String state() {
        return given().get("/q/health/ready").then().extract().path("checks.find { it.name == 'ledger' }.data.state");
    }
}
