package dev.triage.access;

import static dev.triage.testsupport.KeysResource.chat;
import static io.restassured.RestAssured.given;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.triage.testsupport.KeysResource;
import dev.triage.testsupport.LedgerReady;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/**
 * A key created or revoked on this replica counts from the moment the admin API answered, even when a reload was
 * reading the database at that moment: a reload that read the keys before the change committed must not undo it (a new
 * key refused, a revoked one let in again until the next reload).
 */
@QuarkusTest
@WithTestResource(KeysResource.class)
@TestProfile(KeyChangesDuringReloadTest.ConstantReload.class)
class KeyChangesDuringReloadTest {

    public static class ConstantReload implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("triage.key-refresh", "1ms");
        }
    }

    @Test
    void aReloadNeverUndoesAKeyJustCreatedOrRevoked() throws InterruptedException {
        LedgerReady.await();
        for (int i = 0; i < 40; i++) {
            ValidatableResponse created = admin().body("{\"name\":\"race-" + i + "\"}")
                    .post("/admin/keys")
                    .then()
                    .statusCode(201);
            String secret = created.extract().path("key");
            String id = created.extract().path("id");
            chat(secret, "weak-m").statusCode(200);
            admin().delete("/admin/keys/" + id).then().statusCode(200);
            chat(secret, "weak-m").statusCode(401);
        }
    }

    private static RequestSpecification admin() {
        return given().header("Authorization", "Bearer " + KeysResource.ADMIN_TOKEN)
                .contentType("application/json");
    }
}
