package dev.triage.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Every decision by the encoder is answered. The encoder completes on the router's own threads, and a dispatch
 * continued there started its upstream call off the event loop: about one request in a hundred was never answered,
 * and the client waited for the connection's idle timeout (90 s).
 */
@QuarkusTest
@TestProfile(EncoderDecisionsTest.EncoderOnly.class)
class EncoderDecisionsTest {

    public static class EncoderOnly implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "triage.router.first-stage", "false",
                    "triage.ledger.enabled", "false",
                    "triage.simulator.latency-scale", "0");
        }
    }

    @TestHTTPResource("/v1/chat/completions")
    URI chat;

    @Test
    void hundredsOfDistinctPromptsOnOneKeptAliveConnectionAreAllAnswered() throws Exception {
        HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (int i = 0; i < 400; i++) {
            String body = "{\"model\":\"auto\",\"messages\":[{\"role\":\"user\",\"content\":\"Question " + i
                    + ": which of these is a renewable source of energy, and why?\"}]}";
            // the whole answer within the time: a request's timeout ends at the response's headers, and the body hung
            HttpResponse<String> response = client.sendAsync(
                            HttpRequest.newBuilder(chat)
                                    .header("content-type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(body))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .get(10, TimeUnit.SECONDS);
            assertThat(response.statusCode()).as("request %d", i).isEqualTo(200);
            assertThat(response.headers().firstValue("x-triage-router-version"))
                    .hasValueSatisfying(version -> assertThat(version).doesNotEndWith("-first-stage"));
        }
    }
}
