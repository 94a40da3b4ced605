package dev.triage.api;

import static dev.triage.api.ChatCompletionsTest.newId;
import static dev.triage.testsupport.FakeUpstream.json;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import dev.triage.testsupport.FakeUpstream;
import dev.triage.testsupport.FakeUpstreamResource;
import dev.triage.testsupport.Sse;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(FakeUpstreamResource.class)
class ModelsAndPassThroughTest {

    @Test
    void listsUsableModelsAndRoutes() {
        given().get("/v1/models")
                .then()
                .statusCode(200)
                .body("object", equalTo("list"))
                .body("data.id", hasItems("fake-model", "sim-strong", "sim-weak", "auto", "fake-route"))
                .body("data.id", not(hasItems("gpt-4o")))
                .body("data.find { it.id == 'fake-model' }.owned_by", equalTo("fake"))
                .body("data.find { it.id == 'auto' }.owned_by", equalTo("triage"))
                .body("data.find { it.id == 'auto' }.object", equalTo("model"));
    }

    @Test
    void getsOneModel() {
        given().get("/v1/models/sim-weak").then().statusCode(200).body("id", equalTo("sim-weak"));
        given().get("/v1/models/nope").then().statusCode(404).body("error.code", equalTo("model_not_found"));
    }

    @Test
    void embeddingsGoToTheNamedModelsProviderUnchanged() {
        String id = newId();
        String answer =
                "{\"object\":\"list\",\"data\":[{\"object\":\"embedding\",\"index\":0,\"embedding\":[0.1,-0.20]}],\"model\":\"upstream-model\",\"usage\":{\"prompt_tokens\":2,\"total_tokens\":2}}";
        FakeUpstream.get().script(id, json(200, answer));

        String body = given().header("x-request-id", id)
                .contentType("application/json")
                .body(
                        "{\"model\":\"fake-model\",\"input\":[\"a\",\"b\"],\"encoding_format\":\"float\",\"dimensions\":2}")
                .post("/v1/embeddings")
                .then()
                .statusCode(200)
                .header(TriageHeaders.MODEL, "fake-model")
                .extract()
                .asString();

        assertThat(body).isEqualTo(answer);
        FakeUpstream.Received upstream = FakeUpstream.get().received(id).getFirst();
        assertThat(upstream.path()).isEqualTo("/v1/embeddings");
        assertThat(upstream.body())
                .isEqualTo(
                        "{\"model\":\"upstream-model\",\"input\":[\"a\",\"b\"],\"encoding_format\":\"float\",\"dimensions\":2}");
    }

    @Test
    void legacyCompletionsStreamThrough() throws Exception {
        String id = newId();
        String chunk = "{\"id\":\"cmpl-1\",\"object\":\"text_completion\",\"choices\":[{\"text\":\"hi\",\"index\":0}]}";
        FakeUpstream.get().script(id, FakeUpstream.sse(chunk, "[DONE]"));

        Sse.Reply reply =
                Sse.post("/v1/completions", id, "{\"model\":\"fake-model\",\"prompt\":\"say hi\",\"stream\":true}");

        assertThat(reply.data()).containsExactly(chunk, "[DONE]");
        assertThat(FakeUpstream.get().received(id).getFirst().path()).isEqualTo("/v1/completions");
    }

    @Test
    void theDemoAnswersWithItsSimulatedModels() {
        given().contentType("application/json")
                .body("{\"model\":\"weak\",\"messages\":[{\"role\":\"user\",\"content\":\"What is 2+2?\"}]}")
                .post("/v1/chat/completions")
                .then()
                .statusCode(200)
                .header(TriageHeaders.MODEL, "sim-weak")
                .body("model", equalTo("sim-weak"))
                .body("choices[0].message.content", org.hamcrest.Matchers.startsWith("[simulated sim-weak]"))
                .body("usage.total_tokens", org.hamcrest.Matchers.greaterThan(0));
    }
}
