package dev.triage.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.triage.testsupport.FakeUpstreamResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@WithTestResource(FakeUpstreamResource.class)
class RequestErrorsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            malformed JSON         | {"model":"auto","messages":[}                                                   |                   | not valid JSON
            not an object          | [1,2]                                                                            |                   | must be a JSON object
            missing model          | {"messages":[{"role":"user","content":"hi"}]}                                    | model             | Missing required parameter: 'model'
            model not a string     | {"model":7,"messages":[{"role":"user","content":"hi"}]}                          | model             | expected a non-empty string
            missing messages       | {"model":"auto"}                                                                 | messages          | Missing required parameter: 'messages'
            empty messages         | {"model":"auto","messages":[]}                                                   | messages          | non-empty array
            unknown role           | {"model":"auto","messages":[{"role":"robot","content":"hi"}]}                    | messages[0].role  | Invalid value for 'messages[0].role'
            content of wrong type  | {"model":"auto","messages":[{"role":"user","content":5}]}                        | messages[0].content | Invalid type for 'messages[0].content'
            stream not a boolean   | {"model":"auto","stream":"yes","messages":[{"role":"user","content":"hi"}]}      | stream            | expected a boolean
            temperature too high   | {"model":"auto","temperature":3,"messages":[{"role":"user","content":"hi"}]}     | temperature       | not between 0.0 and 2.0
            n not positive         | {"model":"auto","n":0,"messages":[{"role":"user","content":"hi"}]}               | n                 | at least 1
            include_usage mistyped | {"model":"auto","stream_options":{"include_usage":1},"messages":[{"role":"user","content":"hi"}]} | stream_options.include_usage | expected a boolean
            threshold out of range | {"model":"router-mf-1.5","messages":[{"role":"user","content":"hi"}]}            | model             | between 0 and 1
            """)
    void invalidChatRequestsAreRejectedWith400(String name, String body, String param, String message) {
        post("/v1/chat/completions", body)
                .statusCode(400)
                .body("error.type", equalTo("invalid_request_error"))
                .body("error.param", equalTo(param))
                .body("error.message", containsString(message));
    }

    @Test
    void emptyBodyIsRejected() {
        given().post("/v1/chat/completions")
                .then()
                .statusCode(400)
                .body("error.message", containsString("The request body is empty"));
    }

    @Test
    void unknownModelIs404() {
        post("/v1/chat/completions", "{\"model\":\"gpt-9\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                .statusCode(404)
                .body("error.code", equalTo("model_not_found"))
                .body("error.param", equalTo("model"));
    }

    @Test
    void configuredModelWithoutItsProviderKeySaysWhichKeyIsMissing() {
        post("/v1/chat/completions", "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                .statusCode(404)
                .body("error.message", containsString("provider 'openai' has no API key configured"));
    }

    @Test
    void oversizedBodyIs413BeforeItIsRead() {
        post("/v1/chat/completions", "{\"model\":\"auto\",\"pad\":\"" + "x".repeat(1100) + "\"}")
                .statusCode(413)
                .body("error.code", equalTo("request_too_large"))
                .body("error.param", nullValue());
    }

    @Test
    void oversizedChunkedBodyIs413Too() throws Exception {
        byte[] body = new byte[1500];
        Arrays.fill(body, (byte) ' ');
        // a body publisher of unknown length makes the client send it chunked, with no Content-Length
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(
                                        URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/v1/embeddings"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("\"code\":\"request_too_large\"");
    }

    @Test
    void wrongMethodIs405() {
        given().get("/v1/chat/completions")
                .then()
                .statusCode(405)
                .contentType(containsString("application/json"))
                .body("error.message", equalTo("Method GET is not allowed on /v1/chat/completions."));
    }

    @Test
    void unknownPathIs404InOpenAiFormat() {
        given().post("/v1/nothing-here").then().statusCode(404).body("error.code", equalTo("unknown_url"));
    }

    @Test
    void routesAreForChatOnly() {
        post("/v1/embeddings", "{\"model\":\"auto\",\"input\":\"hi\"}")
                .statusCode(400)
                .body("error.message", containsString("routes apply to chat completions only"));
    }

    @Test
    void everyResponseCarriesARequestId() {
        given().header("x-request-id", "my-id-1").post("/v1/nothing").then().header("x-request-id", "my-id-1");
        given().header("x-request-id", "bad id\twith spaces")
                .get("/v1/models")
                .then()
                .header("x-request-id", matchesPattern("req_[0-9a-f]{32}"));
    }

    private static ValidatableResponse post(String path, String body) {
        return given().contentType("application/json")
                .body(body)
                .post(path)
                .then()
                .contentType(containsString("application/json"));
    }

    @Test
    void trailingGarbageAndDuplicateKeysAreA400OnEveryEndpoint() {
        String trailing = "{\"model\":\"fake-model\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]} garbage";
        String duplicate =
                "{\"model\":\"fake-model\",\"model\":\"other\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
        for (String path : new String[] {"/v1/chat/completions", "/v1/completions", "/v1/embeddings"}) {
            for (String body : new String[] {trailing, duplicate}) {
                post(path, body).statusCode(400).body("error.type", equalTo("invalid_request_error"));
            }
        }
    }
}
