package dev.triage.api;

import static dev.triage.api.ChatCompletionsTest.newId;
import static dev.triage.testsupport.FakeUpstream.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.triage.testsupport.FakeUpstream;
import dev.triage.testsupport.FakeUpstream.Script;
import dev.triage.testsupport.LedgerRows;
import dev.triage.testsupport.ResilienceResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * A short soak against an upstream failing one try in five (5% 500, 4% 503 with Retry-After, 3% connection reset, 3%
 * hang, 3% answer cut mid-way, 2% slow), every try drawn on its own, through a learned route with the shipped retries
 * and breaker: at least 99% of requests are answered 200, no breaker opens, every request gets an answer and a ledger
 * row, and no handled fault is logged at ERROR. {@code benchmarks/fault-soak.sh} runs the long version.
 */
@QuarkusTest
@WithTestResource(ResilienceResource.class)
class FaultSoakTest {

    private static final int REQUESTS = 600;
    private static final int PER_SECOND = 50;
    private static final String ANSWER =
            "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,"
                    + "\"message\":{\"role\":\"assistant\",\"content\":\"ok\"},\"finish_reason\":\"stop\"}],"
                    + "\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":1,\"total_tokens\":6}}";
    private static final String CHUNK = "{\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,"
            + "\"delta\":{\"content\":\"ok\"}}]}";
    private static final String USAGE = "{\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"choices\":[],"
            + "\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":2,\"total_tokens\":7}}";

    @Inject
    Pool pool;

    private final Random random = new Random(42);

    @Test
    void ninetyNinePercentAreAnsweredWhileOneTryInFiveFails() throws Exception {
        List<LogRecord> errors = new CopyOnWriteArrayList<>();
        Handler watcher = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.SEVERE.intValue()) {
                    errors.add(record);
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger.getLogger("").addHandler(watcher);
        HttpClient client = HttpClient.newHttpClient();
        List<String> ids = new ArrayList<>();
        List<CompletableFuture<Outcome>> outcomes = new ArrayList<>();
        try {
            long start = System.nanoTime();
            for (int i = 0; i < REQUESTS; i++) {
                long due = start + TimeUnit.SECONDS.toNanos(1) * i / PER_SECOND;
                TimeUnit.NANOSECONDS.sleep(Math.max(0, due - System.nanoTime()));
                boolean stream = i % 2 == 1;
                String id = newId();
                ids.add(id);
                for (String model : List.of("soak-weak-m", "soak-strong-m")) {
                    FakeUpstream.get().script(id, model, faulty(stream), faulty(stream), faulty(stream));
                }
                outcomes.add(
                        send(client, id, stream, i % 4 < 2 ? "hi" : "Prove that there are infinitely many primes."));
            }
            CompletableFuture.allOf(outcomes.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        } finally {
            Logger.getLogger("").removeHandler(watcher);
        }

        List<Outcome> all = outcomes.stream().map(CompletableFuture::join).toList();
        long answered = all.stream().filter(outcome -> outcome.status() == 200).count();
        long complete = all.stream().filter(Outcome::complete).count();
        System.out.printf(
                "fault soak: %d requests, %d answered 200 (%.2f%%), %d complete%n",
                REQUESTS, answered, 100.0 * answered / REQUESTS, complete);
        assertThat(answered).isGreaterThanOrEqualTo(REQUESTS * 99 / 100);
        assertThat(all).noneMatch(outcome -> outcome.body().contains("upstream_circuit_open"));
        assertThat(errors).extracting(LogRecord::getMessage).isEmpty();
        ids.forEach(id -> LedgerRows.rowOf(pool, id));
    }

    /** One try's fate, drawn from the fault mix. */
    private Script faulty(boolean stream) {
        int draw = random.nextInt(100);
        if (draw < 5) {
            return json(500, "{\"error\":{\"message\":\"boom\",\"type\":\"server_error\"}}");
        }
        if (draw < 9) {
            return new FakeUpstream.Respond(
                    503,
                    "application/json",
                    "{\"error\":{\"message\":\"overloaded\",\"type\":\"server_error\"}}",
                    Map.of("Retry-After", "1"));
        }
        if (draw < 12) {
            return new FakeUpstream.Reset();
        }
        if (draw < 15) {
            return new FakeUpstream.Hang();
        }
        if (draw < 18) {
            return stream
                    ? new FakeUpstream.Stream(List.of(CHUNK), Duration.ZERO, false)
                    : new FakeUpstream.Cut(ANSWER.substring(0, 40));
        }
        Duration pause = draw < 20 ? Duration.ofMillis(100) : Duration.ZERO;
        return stream
                ? new FakeUpstream.Stream(List.of(CHUNK, CHUNK, USAGE, "[DONE]"), pause, true)
                : new FakeUpstream.Slow(pause.multipliedBy(4), json(200, ANSWER));
    }

    private record Outcome(int status, String body) {

        /** A 200 that carries its whole answer: a stream that ended with {@code [DONE]} and no error event. */
        boolean complete() {
            return status == 200
                    && (!body.startsWith("data:") || body.contains("[DONE]") && !body.contains("\"error\""));
        }
    }

    private static CompletableFuture<Outcome> send(HttpClient client, String id, boolean stream, String prompt) {
        String body = "{\"model\":\"soak\",\"stream\":" + stream + ",\"messages\":[{\"role\":\"user\",\"content\":\""
                + prompt + "\"}]}";
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/v1/chat/completions"))
                .header("Content-Type", "application/json")
                .header("x-request-id", id)
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .thenApply(response -> new Outcome(response.statusCode(), response.body()));
    }
}
