package dev.triage.deploy;

import static io.restassured.RestAssured.given;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import dev.triage.testsupport.FakeUpstream;
import dev.triage.testsupport.NodeTests;
import dev.triage.testsupport.ResilienceResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Validates {@code deploy/} with {@code src/test/node/manifests.test.mjs}: Kubernetes and Knative schemas, the
 * collector and Prometheus configs, and the Grafana dashboard against the metrics this gateway really exports after a
 * request (scraped here).
 */
@QuarkusTest
@WithTestResource(ResilienceResource.class)
class DeployManifestsTest {

    @Test
    void manifestsAreValid() throws Exception {
        Assumptions.assumeFalse(Boolean.getBoolean("skipNodeSdk"), "skipNodeSdk is set");
        // a routed request, and one whose model is unreachable and falls back, so that every metric has a series
        String id = "deploy-" + System.nanoTime();
        FakeUpstream.get()
                .script(
                        id,
                        "strong-m",
                        FakeUpstream.json(
                                200,
                                "{\"id\":\"c\",\"object\":\"chat.completion\","
                                        + "\"choices\":[],\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":1}}"));
        for (String model : new String[] {"router-mf-0", "down-m"}) {
            given().contentType("application/json")
                    .header("x-request-id", id)
                    .body("{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                    .post("/v1/chat/completions")
                    .then()
                    .statusCode(200);
        }
        String exported = Arrays.stream(given().get("/q/metrics").asString().split("\n"))
                .filter(line -> !line.startsWith("#") && !line.isBlank())
                .map(line -> line.split("[{ ]")[0])
                .distinct()
                .collect(Collectors.joining("\n"));

        NodeTests.run("manifests.test.mjs", Map.of("EXPORTED_METRICS", exported));
    }
}
