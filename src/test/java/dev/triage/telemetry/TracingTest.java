package dev.triage.telemetry;

import static dev.triage.testsupport.FakeUpstream.json;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.triage.testsupport.FakeUpstream;
import dev.triage.testsupport.ResilienceResource;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The spans of a routed request that falls back: one for the request (GenAI attributes, the decision, the fallback
 * path, usage and cost), one for the decision, one per upstream try, all in one trace, which the upstream joins.
 */
@QuarkusTest
@WithTestResource(ResilienceResource.class)
class TracingTest {

    private static final String ANSWER = "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"choices\":[],"
            + "\"usage\":{\"prompt_tokens\":11,\"completion_tokens\":5,\"total_tokens\":16}}";

    @Inject
    InMemorySpanExporter spans;

    @Test
    void routedRequestThatEscalatesIsTracedTryByTry() throws Exception {
        String id = "trace-" + UUID.randomUUID();
        FakeUpstream.get().script(id, "weak-m", json(503, "{\"error\":{\"message\":\"busy\"}}"));
        FakeUpstream.get().script(id, "strong-m", json(200, ANSWER));
        given().contentType("application/json")
                .header("x-request-id", id)
                .body("{\"model\":\"router-mf-1\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                .post("/v1/chat/completions")
                .then()
                .statusCode(200);

        SpanData request = awaitSpan("chat router-mf-1");
        List<SpanData> trace = spans.getFinishedSpanItems().stream()
                .filter(span -> span.getTraceId().equals(request.getTraceId()))
                .toList();
        assertThat(request.getAttributes().get(SpanAttributes.OPERATION)).isEqualTo("chat");
        assertThat(request.getAttributes().get(SpanAttributes.REQUEST_MODEL)).isEqualTo("router-mf-1");
        assertThat(request.getAttributes().get(SpanAttributes.RESPONSE_MODEL)).isEqualTo("strong-m");
        assertThat(request.getAttributes().get(SpanAttributes.INPUT_TOKENS)).isEqualTo(11L);
        assertThat(request.getAttributes().get(SpanAttributes.OUTPUT_TOKENS)).isEqualTo(5L);
        assertThat(request.getAttributes().get(SpanAttributes.TIER)).isEqualTo("weak");
        assertThat(request.getAttributes().get(SpanAttributes.THRESHOLD)).isEqualTo(1.0);
        assertThat(request.getAttributes().get(SpanAttributes.STRONG_PROBABILITY))
                .isBetween(0.0, 1.0);
        assertThat(request.getAttributes().get(SpanAttributes.ROUTER_VERSION)).isNotBlank();
        assertThat(request.getAttributes().get(SpanAttributes.FALLBACK)).isEqualTo("escalated");
        assertThat(request.getAttributes().get(SpanAttributes.ATTEMPTS))
                .isEqualTo("weak-m;tries=3;error=upstream_503, strong-m;tries=1;ok");

        SpanData route = single(trace, "route tiered");
        assertThat(route.getParentSpanId()).isEqualTo(request.getSpanId());
        assertThat(route.getAttributes().get(SpanAttributes.STRONG_PROBABILITY))
                .isEqualTo(request.getAttributes().get(SpanAttributes.STRONG_PROBABILITY));

        List<SpanData> weakTries = trace.stream()
                .filter(span -> span.getName().equals("chat/completions weak-m"))
                .toList();
        assertThat(weakTries).hasSize(3).allSatisfy(attempt -> {
            assertThat(attempt.getKind()).isEqualTo(SpanKind.CLIENT);
            assertThat(attempt.getParentSpanId()).isEqualTo(request.getSpanId());
            assertThat(attempt.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
            assertThat(attempt.getAttributes().get(SpanAttributes.OUTCOME)).isEqualTo("upstream_503");
            assertThat(attempt.getAttributes().get(SpanAttributes.PROVIDER)).isEqualTo("p-weak-m");
        });
        SpanData strongTry = single(trace, "chat/completions strong-m");
        assertThat(strongTry.getAttributes().get(SpanAttributes.OUTCOME)).isEqualTo("ok");
        // the upstream's own spans hang below the try that called it
        assertThat(FakeUpstream.get()
                        .received(id, "strong-m")
                        .getFirst()
                        .headers()
                        .get("traceparent"))
                .isEqualTo("00-" + strongTry.getTraceId() + "-" + strongTry.getSpanId() + "-01");
    }

    @Test
    void aHugeModelNameIsBoundedInTheSpanAndTheError() throws Exception {
        String huge = "m".repeat(100_000);
        String answer = given().contentType("application/json")
                .body("{\"model\":\"" + huge + "\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                .post("/v1/chat/completions")
                .then()
                .statusCode(404)
                .extract()
                .asString();
        assertThat(answer.length()).isLessThan(1_000);
        SpanData request = awaitSpan("chat " + huge.substring(0, 256) + "...");
        assertThat(request.getAttributes().get(SpanAttributes.REQUEST_MODEL)).hasSize(259);
        assertThat(request.getStatus().getDescription()).hasSizeLessThan(1_000);
    }

    private SpanData awaitSpan(String name) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            List<SpanData> found = spans.getFinishedSpanItems().stream()
                    .filter(span -> span.getName().equals(name))
                    .toList();
            if (!found.isEmpty()) {
                return found.getLast();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no span named " + name + "; spans: "
                + spans.getFinishedSpanItems().stream().map(SpanData::getName).toList());
    }

    private static SpanData single(List<SpanData> trace, String name) {
        List<SpanData> found =
                trace.stream().filter(span -> span.getName().equals(name)).toList();
        assertThat(found).as("spans named " + name).hasSize(1);
        return found.getFirst();
    }
}
