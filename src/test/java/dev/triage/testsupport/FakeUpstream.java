package dev.triage.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

/**
 * A scriptable OpenAI-compatible upstream speaking real HTTP and SSE on a local port. Each test scripts what the
 * upstream does for its own {@code x-request-id} (the gateway forwards the client's id), so tests never see each
 * other's scripts, and every request the upstream received is recorded.
 */
public final class FakeUpstream {

    /** What the upstream does with one request. */
    public sealed interface Script {}

    /** Answers with this status, content type and exact body. */
    public record Respond(int status, String contentType, String body, Map<String, String> headers) implements Script {}

    /** Streams these {@code data} payloads as SSE, pausing before each; {@code complete=false} cuts the connection after the last. */
    public record Stream(List<String> events, Duration pause, boolean complete) implements Script {}

    /** Accepts the request and never answers. */
    public record Hang() implements Script {}

    /** {@code respond}, after {@code delay}. */
    public record Slow(Duration delay, Respond respond) implements Script {}

    /** A 200 JSON answer written in these pieces, pausing before each. */
    public record Trickle(List<String> pieces, Duration pause) implements Script {}

    /** Closes the connection without answering (a reset). */
    public record Reset() implements Script {}

    /** Starts a 200 JSON answer, writes {@code partial} and closes the connection mid-body. */
    public record Cut(String partial) implements Script {}

    /** Server-sent-event text written as given, one piece per write (comments, fields, multi-line data). */
    public record RawStream(List<String> pieces) implements Script {}

    /** A request as the upstream received it; {@code uri} is its path with the query string. */
    public record Received(String method, String path, Map<String, String> headers, String body, String uri) {}

    private static final FakeUpstream INSTANCE = new FakeUpstream();
    private static final Pattern MODEL = Pattern.compile("\"model\"\\s*:\\s*\"([^\"]*)\"");

    private final Map<String, List<Script>> scripts = new ConcurrentHashMap<>();
    private final Map<String, Integer> served = new ConcurrentHashMap<>();
    private final Map<String, List<Received>> received = new ConcurrentHashMap<>();
    private Vertx vertx;
    private HttpServer server;

    public static FakeUpstream get() {
        return INSTANCE;
    }

    /** Starts the upstream (once) and returns its base URL, e.g. {@code http://127.0.0.1:PORT/v1}. */
    synchronized String start() {
        try {
            if (server == null) {
                vertx = Vertx.vertx();
                server = vertx.createHttpServer()
                        .requestHandler(request -> request.body().onSuccess(body -> handle(request, body)))
                        .listen(0, "127.0.0.1")
                        .toCompletionStage()
                        .toCompletableFuture()
                        .get(10, TimeUnit.SECONDS);
            }
            return "http://127.0.0.1:" + server.actualPort() + "/v1";
        } catch (Exception e) {
            throw new IllegalStateException("fake upstream did not start", e);
        }
    }

    synchronized void stop() {
        try {
            if (vertx != null) {
                vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
                vertx = null;
                server = null;
            }
        } catch (Exception e) {
            throw new IllegalStateException("fake upstream did not stop", e);
        }
    }

    /** Scripts the upstream's behaviour for requests carrying {@code requestId}. */
    public void script(String requestId, Script script) {
        scripts.put(requestId, List.of(script));
    }

    /**
     * Scripts the upstream's behaviour for requests carrying {@code requestId} for upstream model {@code model}: the
     * first such request gets the first script, the next the second, and so on; the last one repeats.
     */
    public void script(String requestId, String model, Script... sequence) {
        scripts.put(requestId + "|" + model, List.of(sequence));
    }

    public List<Received> received(String requestId) {
        return received.getOrDefault(requestId, List.of());
    }

    /** The requests for {@code requestId} that asked for upstream model {@code model}. */
    public List<Received> received(String requestId, String model) {
        return received(requestId).stream()
                .filter(request -> model.equals(modelOf(request.body())))
                .toList();
    }

    private static String modelOf(String body) {
        Matcher model = MODEL.matcher(body);
        return model.find() ? model.group(1) : null;
    }

    private Script next(String key) {
        List<Script> sequence = key == null ? null : scripts.get(key);
        if (sequence == null) {
            return null;
        }
        int index = served.merge(key, 1, Integer::sum) - 1;
        return sequence.get(Math.min(index, sequence.size() - 1));
    }

    /** OpenAI's 429 for too many requests, as the official SDKs' tests expect it. */
    public static Respond rateLimited() {
        return new Respond(
                429,
                "application/json",
                "{\"error\":{\"message\":\"Rate limit reached for requests\",\"type\":\"requests\","
                        + "\"code\":\"rate_limit_exceeded\"}}",
                Map.of());
    }

    /** A {@code chat.completion.chunk} of completion {@code chatcmpl-9} with one choice's delta and finish reason. */
    public static String chatChunk(String delta, String finishReason) {
        return "{\"id\":\"chatcmpl-9\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"upstream-model\","
                + "\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"finish_reason\":"
                + (finishReason == null ? "null" : "\"" + finishReason + "\"") + "}]}";
    }

    public static Respond json(int status, String body) {
        return new Respond(status, "application/json", body, Map.of());
    }

    public static RawStream rawSse(String... pieces) {
        return new RawStream(List.of(pieces));
    }

    public static Stream sse(String... events) {
        return new Stream(List.of(events), Duration.ZERO, true);
    }

    private void handle(HttpServerRequest request, Buffer body) {
        String id = request.getHeader("x-request-id");
        Map<String, String> headers = new ConcurrentHashMap<>();
        request.headers().forEach(header -> headers.put(header.getKey().toLowerCase(), header.getValue()));
        String text = body.toString(StandardCharsets.UTF_8);
        received.computeIfAbsent(String.valueOf(id), key -> new CopyOnWriteArrayList<>())
                .add(new Received(request.method().name(), request.path(), headers, text, request.uri()));
        Script script = id == null
                ? null
                : scripts.containsKey(id + "|" + modelOf(text)) ? next(id + "|" + modelOf(text)) : next(id);
        HttpServerResponse response = request.response();
        switch (script) {
            case null -> response.setStatusCode(500).end("{\"error\":{\"message\":\"no script for " + id + "\"}}");
            case Respond respond -> {
                respond.headers().forEach(response::putHeader);
                response.setStatusCode(respond.status())
                        .putHeader("Content-Type", respond.contentType())
                        .end(respond.body());
            }
            case Stream stream -> {
                response.setChunked(true).putHeader("Content-Type", "text/event-stream");
                response.writeHead();
                sendEvents(response, stream, 0);
            }
            case Slow slow ->
                vertx.setTimer(Math.max(1, slow.delay().toMillis()), timer -> {
                    slow.respond().headers().forEach(response::putHeader);
                    response.setStatusCode(slow.respond().status())
                            .putHeader("Content-Type", slow.respond().contentType())
                            .end(slow.respond().body());
                });
            case RawStream raw -> {
                response.setChunked(true).putHeader("Content-Type", "text/event-stream");
                raw.pieces().forEach(response::write);
                response.end();
            }
            case Trickle trickle -> {
                response.setChunked(true).putHeader("Content-Type", "application/json");
                trickle(response, trickle, 0);
            }
            case Reset reset -> request.connection().close();
            case Cut cut -> {
                response.setChunked(true).putHeader("Content-Type", "application/json");
                response.write(cut.partial());
                vertx.setTimer(5, timer -> request.connection().close());
            }
            case Hang hang -> {
                // keep the connection open, answer nothing
            }
        }
    }

    private void trickle(HttpServerResponse response, Trickle trickle, int next) {
        if (next == trickle.pieces().size()) {
            response.end();
            return;
        }
        vertx.setTimer(Math.max(1, trickle.pause().toMillis()), timer -> {
            if (!response.closed()) {
                response.write(trickle.pieces().get(next));
                trickle(response, trickle, next + 1);
            }
        });
    }

    private void sendEvents(HttpServerResponse response, Stream stream, int next) {
        if (next == stream.events().size()) {
            if (stream.complete()) {
                response.end();
            } else {
                response.reset();
            }
            return;
        }
        long delay = Math.max(1, stream.pause().toMillis());
        vertx.setTimer(delay, timer -> {
            response.write("data: " + stream.events().get(next) + "\n\n");
            sendEvents(response, stream, next + 1);
        });
    }
}
