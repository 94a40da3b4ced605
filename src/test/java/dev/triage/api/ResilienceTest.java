package dev.triage.api;

import static dev.triage.api.ChatCompletionsTest.newId;
import static dev.triage.testsupport.FakeUpstream.json;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dev.triage.testsupport.FakeUpstream;
import dev.triage.testsupport.FakeUpstream.Respond;
import dev.triage.testsupport.FakeUpstream.Script;
import dev.triage.testsupport.KillableUpstream;
import dev.triage.testsupport.ResilienceResource;
import dev.triage.testsupport.Sse;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * Fault injection against a real local HTTP upstream: retries, routing-aware fallback chains, circuit breaker and
 * bulkhead, each asserting the exact upstream calls, the path taken and what the client saw. {@code router-mf-1} makes
 * the learned route pick its weak model, {@code router-mf-0} its strong one.
 */
@QuarkusTest
@WithTestResource(ResilienceResource.class)
class ResilienceTest {

    private static final String ANSWER =
            "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,"
                    + "\"message\":{\"role\":\"assistant\",\"content\":\"ok\"},\"finish_reason\":\"stop\"}]}";
    private static final String CHUNK =
            "{\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hel\"}}]}";
    private static final Respond OK = json(200, ANSWER);
    private static final Respond UNAVAILABLE =
            json(503, "{\"error\":{\"message\":\"overloaded\",\"type\":\"server_error\"}}");
    private static final Respond BROKEN = json(500, "{\"error\":{\"message\":\"boom\",\"type\":\"server_error\"}}");
    private static final String WEAK = "router-mf-1";
    private static final String STRONG = "router-mf-0";

    private final FakeUpstream upstream = FakeUpstream.get();

    @Test
    void weakModelFailingAfterRetriesEscalatesToTheStrongModel() {
        String id = script("weak-m", UNAVAILABLE).and("strong-m", OK).id;
        chat(id, WEAK)
                .statusCode(200)
                .header(TriageHeaders.MODEL, "strong-m")
                .header(TriageHeaders.TIER, "weak")
                .header(TriageHeaders.FALLBACK, "escalated")
                .header(TriageHeaders.ATTEMPTS, "weak-m;tries=3;error=upstream_503, strong-m;tries=1;ok");
        assertThat(upstream.received(id, "weak-m")).hasSize(3);
        assertThat(upstream.received(id, "strong-m")).hasSize(1);
    }

    @Test
    void rateLimitIsRetriedAfterTheDelayTheUpstreamAskedFor() {
        String id = newId();
        upstream.script(id, "paced-m", limited("1"), OK);
        long start = System.nanoTime();
        chat(id, "paced-m")
                .statusCode(200)
                .header(TriageHeaders.MODEL, "paced-m")
                .header(TriageHeaders.FALLBACK, nullValue())
                .header(TriageHeaders.ATTEMPTS, "paced-m;tries=2;ok");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(1000));
        assertThat(upstream.received(id, "paced-m")).hasSize(2);
    }

    @Test
    void aRateLimitedModelCoolsDownForItsRetryAfterAndTheNextModelAnswersMeanwhile() {
        String id = script("cooled-m", limited("30")).and("strong-m", OK).id;
        chat(id, "cooled-m")
                .statusCode(200)
                .header(TriageHeaders.FALLBACK, "fallback")
                .header(TriageHeaders.ATTEMPTS, "cooled-m;tries=1;error=upstream_429, strong-m;tries=1;ok");

        String next = script("cooled-m", OK).and("strong-m", OK).id;
        chat(next, "cooled-m")
                .statusCode(200)
                .header(TriageHeaders.MODEL, "strong-m")
                .header(TriageHeaders.ATTEMPTS, "cooled-m;tries=0;error=upstream_rate_limited, strong-m;tries=1;ok");
        assertThat(upstream.received(next, "cooled-m")).isEmpty();
    }

    @Test
    void rateLimitOnTheLastModelReachesTheClientWithItsRetryAfterAndCoolsItDown() {
        chat(script("last-limited-m", limited("30")).id, "last-limited-m")
                .statusCode(429)
                .header("Retry-After", "30")
                .body("error.code", equalTo("rate_limit_exceeded"));

        String next = script("last-limited-m", OK).id;
        String retryAfter = chat(next, "last-limited-m")
                .statusCode(429)
                .body("error.code", equalTo("upstream_rate_limited"))
                .extract()
                .header("Retry-After");
        assertThat(Integer.parseInt(retryAfter)).isBetween(25, 30);
        assertThat(upstream.received(next)).isEmpty();
    }

    private static Respond limited(String retryAfter) {
        return new Respond(
                429,
                "application/json",
                "{\"error\":{\"message\":\"slow down\",\"type\":\"requests\",\"code\":\"rate_limit_exceeded\"}}",
                Map.of("Retry-After", retryAfter));
    }

    @Test
    void refusedConnectionIsRetriedThenTheModelsOwnFallbackAnswers() {
        String id = script("strong-m", OK).id;
        chat(id, "down-m")
                .statusCode(200)
                .header(TriageHeaders.MODEL, "strong-m")
                .header(TriageHeaders.FALLBACK, "fallback")
                .header(TriageHeaders.ATTEMPTS, "down-m;tries=3;error=upstream_unreachable, strong-m;tries=1;ok");
    }

    @Test
    void hangingUpstreamTimesOutAndTheStrongModelAnswers() {
        String id = script("weak-m", new FakeUpstream.Hang()).and("strong-m", OK).id;
        chat(id, WEAK)
                .statusCode(200)
                .header(TriageHeaders.MODEL, "strong-m")
                .header(TriageHeaders.ATTEMPTS, "weak-m;tries=3;error=upstream_timeout, strong-m;tries=1;ok");
        assertThat(upstream.received(id, "weak-m")).hasSize(3);
    }

    @Test
    void malformedAnswerIsNotRetriedButGoesToTheNextModel() {
        String id = script("weak-m", new Respond(200, "application/json", "not json", Map.of()))
                .and("strong-m", OK)
                .id;
        chat(id, WEAK)
                .statusCode(200)
                .header(
                        TriageHeaders.ATTEMPTS,
                        "weak-m;tries=1;error=upstream_malformed_response, strong-m;tries=1;ok");
    }

    @Test
    void badRequestIsNeitherRetriedNorSentElsewhere() {
        String body =
                "{\"error\":{\"message\":\"bad messages\",\"type\":\"invalid_request_error\",\"param\":\"messages\",\"code\":null}}";
        String id = script("weak-m", json(400, body)).and("strong-m", OK).id;
        String answer = chat(id, WEAK)
                .statusCode(400)
                .header(TriageHeaders.ATTEMPTS, "weak-m;tries=1;error=upstream_400")
                .extract()
                .asString();
        assertThat(answer).isEqualTo(body);
        assertThat(upstream.received(id)).hasSize(1);
    }

    @Test
    void failingStrongModelDegradesThroughItsAlternativeToTheWeakModel() {
        String id = script("strong-m", BROKEN).and("alt-m", BROKEN).and("weak-m", OK).id;
        chat(id, STRONG)
                .statusCode(200)
                .header(TriageHeaders.TIER, "strong")
                .header(TriageHeaders.MODEL, "weak-m")
                .header(TriageHeaders.FALLBACK, "degraded")
                .header(
                        TriageHeaders.ATTEMPTS,
                        "strong-m;tries=1;error=upstream_500, alt-m;tries=1;error=upstream_500, "
                                + "weak-m;tries=1;ok");
    }

    @Test
    void chainEndsOnTheLocalModelAndThenInAnErrorThatListsEveryTry() {
        String id = script("strong-m", BROKEN)
                .and("alt-m", BROKEN)
                .and("weak-m", BROKEN)
                .and("local-m", OK)
                .id;
        chat(id, STRONG)
                .statusCode(200)
                .header(TriageHeaders.MODEL, "local-m")
                .header(TriageHeaders.FALLBACK, "last-resort");

        String failing = script("strong-m", BROKEN)
                .and("alt-m", BROKEN)
                .and("weak-m", BROKEN)
                .and("local-m", BROKEN)
                .id;
        chat(failing, STRONG)
                .statusCode(502)
                .body("error.code", equalTo("upstream_500"))
                .header(
                        TriageHeaders.ATTEMPTS,
                        "strong-m;tries=1;error=upstream_500, alt-m;tries=1;error=upstream_500, "
                                + "weak-m;tries=1;error=upstream_500, local-m;tries=1;error=upstream_500");
    }

    @Test
    void streamFailingBeforeItsFirstByteGoesToTheNextModel() throws Exception {
        String id = script("weak-m", UNAVAILABLE).and("strong-m", FakeUpstream.sse(CHUNK, "[DONE]")).id;
        Sse.Reply reply = Sse.post("/v1/chat/completions", id, stream(WEAK));
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.data()).containsExactly(CHUNK, "[DONE]");
        assertThat(reply.header(TriageHeaders.MODEL)).isEqualTo("strong-m");
        assertThat(reply.header(TriageHeaders.ATTEMPTS))
                .isEqualTo("weak-m;tries=3;error=upstream_503, strong-m;tries=1;ok");
    }

    @Test
    void streamThatStallsAfterItStartedEndsWithAnErrorEventAndNoFallback() throws Exception {
        String id = script(
                        "weak-m",
                        new FakeUpstream.Stream(List.of(CHUNK, CHUNK, "[DONE]"), Duration.ofMillis(900), true))
                .and("strong-m", OK)
                .id;
        Sse.Reply reply = Sse.post("/v1/chat/completions", id, stream(WEAK));
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.data()).hasSize(2);
        assertThat(reply.data().get(0)).isEqualTo(CHUNK);
        assertThat(reply.data().get(1)).contains("\"code\":\"upstream_stream_stalled\"");
        assertThat(upstream.received(id, "weak-m")).hasSize(1);
        assertThat(upstream.received(id, "strong-m")).isEmpty();
    }

    @Test
    void circuitBreakerOpensOnProviderFailuresOnlyThenHalfOpensAndCloses() throws Exception {
        for (int i = 0; i < 4; i++) {
            chat(script("breaker-m", json(400, "{\"error\":{\"message\":\"bad\"}}")).id, "breaker-m")
                    .statusCode(400);
        }
        assertThat(circuit()).isEqualTo("circuit closed");

        // the rolling window of 4 now holds 2 successes and 2 failures: ratio 0.5 opens the circuit
        chat(script("breaker-m", BROKEN).id, "breaker-m").statusCode(502);
        assertThat(circuit()).isEqualTo("circuit closed");
        chat(script("breaker-m", BROKEN).id, "breaker-m").statusCode(502);
        assertThat(circuit()).isEqualTo("circuit open");
        String rejected = script("breaker-m", OK).id;
        chat(rejected, "breaker-m")
                .statusCode(503)
                .header("Retry-After", "1")
                .body("error.code", equalTo("upstream_circuit_open"));
        assertThat(upstream.received(rejected)).isEmpty();
        assertThat(given().get("/q/metrics").asString())
                .contains("triage_provider_circuit_state{provider=\"p-breaker-m\"} 2.0");

        Thread.sleep(1100);
        String trial = script("breaker-m", OK).id;
        chat(trial, "breaker-m").statusCode(200);
        assertThat(upstream.received(trial)).hasSize(1);
        assertThat(circuit()).isEqualTo("circuit closed");
    }

    @Test
    void triesThatARetryServedDoNotOpenTheBreaker() {
        for (int i = 0; i < 6; i++) {
            String id = newId();
            upstream.script(id, "flaky-m", UNAVAILABLE, OK);
            chat(id, "flaky-m").statusCode(200).header(TriageHeaders.ATTEMPTS, "flaky-m;tries=2;ok");
        }
        assertThat(circuit("p-flaky-m")).isEqualTo("circuit closed");
    }

    @Test
    void aProviderThatGoesDownOpensItsBreakerWithinSecondsAndClosesWhenItComesBack() throws Exception {
        KillableUpstream provider = KillableUpstream.get();
        chat(newId(), "killable-m").statusCode(200);
        chat(newId(), "killable-m").statusCode(200);
        provider.kill();
        try {
            long start = System.nanoTime();
            while (!circuit("p-killable-m").equals("circuit open")) {
                chat(newId(), "killable-m").statusCode(502).body("error.code", equalTo("upstream_unreachable"));
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            }
            chat(newId(), "killable-m").statusCode(503).body("error.code", equalTo("upstream_circuit_open"));
        } finally {
            provider.revive();
        }
        Thread.sleep(1100);
        chat(newId(), "killable-m").statusCode(200);
        assertThat(circuit("p-killable-m")).isEqualTo("circuit closed");
    }

    @Test
    void readTimeoutIsADeadlineForTheWholeAnswerNotAGapBetweenReads() {
        // a body trickled in ten pieces 300 ms apart, 3 s in all, against a read timeout of 1 s
        int size = ANSWER.length() / 10 + 1;
        List<String> pieces = IntStream.range(0, 10)
                .mapToObj(i -> ANSWER.substring(
                        Math.min(i * size, ANSWER.length()), Math.min((i + 1) * size, ANSWER.length())))
                .toList();
        String id = script("weak-m", new FakeUpstream.Trickle(pieces, Duration.ofMillis(300)))
                .and("strong-m", OK)
                .id;
        long start = System.nanoTime();
        chat(id, WEAK)
                .statusCode(200)
                .header(TriageHeaders.ATTEMPTS, "weak-m;tries=3;error=upstream_timeout, strong-m;tries=1;ok");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(4500));
    }

    @Test
    void rateLimitsAreBackPressureNotAFaultAndNeverOpenTheBreaker() {
        Respond limited = new Respond(
                429, "application/json", "{\"error\":{\"message\":\"slow down\",\"type\":\"requests\"}}", Map.of());
        for (int i = 0; i < 8; i++) {
            chat(script("limited-m", limited).id, "limited-m").statusCode(429);
        }
        chat(script("limited-m", OK).id, "limited-m").statusCode(200);
    }

    @Test
    void aProviderRefusingTheGatewaysKeyIsA502ThatNeverShowsTheKeyAndFallsBack() {
        String canary = "sk-canary-provider-key-0123456789";
        Respond refused = new Respond(
                401,
                "application/json",
                "{\"error\":{\"message\":\"Incorrect API key provided: " + canary + "\",\"type\":"
                        + "\"invalid_request_error\",\"code\":\"invalid_api_key\"}}",
                Map.of());
        chat(script("keyed-m", refused).and("strong-m", OK).id, "keyed-m")
                .statusCode(200)
                .header(TriageHeaders.MODEL, "strong-m")
                .header(TriageHeaders.ATTEMPTS, "keyed-m;tries=1;error=upstream_auth_failed, strong-m;tries=1;ok");
        String alone = script("keyed-m", refused).and("strong-m", refused).id;
        String answer = chat(alone, "keyed-m")
                .statusCode(502)
                .body("error.code", equalTo("upstream_auth_failed"))
                .extract()
                .asString();
        assertThat(answer).doesNotContain(canary).contains("refused the gateway's credentials");
    }

    @Test
    void afterTheGatewayRetriedTheClientIsToldNotToRetry() {
        String id = script("strong-m", BROKEN)
                .and("alt-m", BROKEN)
                .and("weak-m", BROKEN)
                .and("local-m", BROKEN)
                .id;
        chat(id, STRONG).statusCode(502).header("x-should-retry", "false");
        chat(script("weak-m", json(400, "{\"error\":{\"message\":\"bad\"}}")).id, "weak-m")
                .statusCode(400)
                .header("x-should-retry", nullValue());
    }

    @Test
    void aRouteLlmNameIsAModelToo() {
        given().get("/v1/models/router-mf-0.11593").then().statusCode(200).body("owned_by", equalTo("triage"));
        given().get("/v1/models/router-mf-1.5").then().statusCode(400).body("error.param", equalTo("model"));
        given().get("/v1/models/no-such-model").then().statusCode(404);
    }

    @Test
    void bulkheadQueuesBrieflyThenRejectsWithRetryAfter() throws Exception {
        Script slow = new FakeUpstream.Stream(List.of(CHUNK, CHUNK, CHUNK, "[DONE]"), Duration.ofMillis(400), true);
        List<String> ids = List.of(newId(), newId(), newId());
        ids.forEach(id -> upstream.script(id, "bulk-m", slow));
        CompletableFuture<Sse.Reply> holder = CompletableFuture.supplyAsync(() -> post(ids.get(0)));
        while (upstream.received(ids.get(0)).isEmpty()) {
            Thread.sleep(10);
        }
        // one of these two waits in the queue until it gives up, the other finds the queue full at once
        CompletableFuture<Sse.Reply> second = CompletableFuture.supplyAsync(() -> post(ids.get(1)));
        CompletableFuture<Sse.Reply> third = CompletableFuture.supplyAsync(() -> post(ids.get(2)));
        for (Sse.Reply rejected : List.of(second.get(), third.get())) {
            assertThat(rejected.status()).isEqualTo(503);
            assertThat(rejected.header("Retry-After")).isEqualTo("1");
            assertThat(rejected.rawBody()).contains("upstream_overloaded");
        }
        assertThat(holder.get().data()).containsExactly(CHUNK, CHUNK, CHUNK, "[DONE]");
        assertThat(upstream.received(ids.get(1))).isEmpty();
        assertThat(upstream.received(ids.get(2))).isEmpty();
    }

    private static Sse.Reply post(String id) {
        try {
            return Sse.post("/v1/chat/completions", id, stream("bulk-m"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String circuit() {
        return circuit("p-breaker-m");
    }

    private static String circuit(String provider) {
        return given().get("/q/health/ready")
                .then()
                .extract()
                .path("checks.find { it.name == 'providers' }.data.'" + provider + "'");
    }

    /** Scripts one request id, model by model. */
    private record Scripted(String id) {

        Scripted and(String model, Script script) {
            FakeUpstream.get().script(id, model, script);
            return this;
        }
    }

    private static Scripted script(String model, Script script) {
        return new Scripted(newId()).and(model, script);
    }

    private static ValidatableResponse chat(String id, String model) {
        return given().contentType("application/json")
                .header("x-request-id", id)
                .body("{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                .post("/v1/chat/completions")
                .then();
    }

    private static String stream(String model) {
        return "{\"model\":\"" + model + "\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    }
}
