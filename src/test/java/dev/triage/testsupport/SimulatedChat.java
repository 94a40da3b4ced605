package dev.triage.testsupport;

import static io.restassured.RestAssured.given;

import java.util.UUID;

/** A chat request to the simulated weak model, answered 200; returns its request id (to find its ledger row). */
public final class SimulatedChat {

    private SimulatedChat() {}

    public static String answered(String idPrefix) {
        String id = idPrefix + UUID.randomUUID();
        given().contentType("application/json")
                .header("x-request-id", id)
                .body("{\"model\":\"sim-weak\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                .post("/v1/chat/completions")
                .then()
                .statusCode(200);
        return id;
    }
}
