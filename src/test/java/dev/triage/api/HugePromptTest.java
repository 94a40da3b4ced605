package dev.triage.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/**
 * A prompt of megabytes is cut to what the encoder can read before it is tokenized: the learned route decides it as
 * fast as an ordinary one (it took 25 s per 7 MB prompt when the whole text was tokenized first).
 */
@QuarkusTest
@TestProfile(HugePromptTest.LargeBodies.class)
class HugePromptTest {

    public static class LargeBodies implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("triage.max-body-size", "16M", "triage.ledger.enabled", "false");
        }
    }

    @Test
    void aSevenMegabytePromptIsDecidedOnItsBeginning() {
        String prompt = "Explain how a compiler optimises tail calls in detail. ".repeat(130_000);
        Response response = given().contentType("application/json")
                .body("{\"model\":\"auto\",\"messages\":[{\"role\":\"user\",\"content\":\"" + prompt + "\"}]}")
                .post("/v1/chat/completions");
        response.then().statusCode(200);
        assertThat(Double.parseDouble(response.header(TriageHeaders.DECISION_MS)))
                .isLessThan(3_000);
    }
}
