package dev.triage.providers;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.tracing.TracingPolicy;

/**
 * The HTTP client of one upstream, whatever API it speaks: a POST to a path below its base URL with the query
 * parameters its API wants, its own headers (credentials, API version), the request id and the trace context. Its
 * connections are kept alive and reused once an answer or a stream has been read to its end; one cut short (the client
 * went away, a timeout) is closed, so that no half-read response is ever reused. Bodies travel as bytes both ways so
 * that nothing the gateway does not interpret is re-encoded. Vert.x's client rather than the REST client: the REST
 * client closed a connection after every stream, and its layers cost more CPU per call than the rest of the gateway's
 * path (benchmarks/README.md, issue 14).
 */
final class UpstreamClient {

    /** A whole answer as the upstream sent it, whatever its status. */
    record Answer(int status, MultiMap headers, byte[] body) {}

    private final HttpClient client;
    private final String base;
    private final Map<String, String> headers;
    private final long readTimeoutMillis;

    UpstreamClient(Vertx vertx, ProvidersConfig.Provider config, Map<String, String> headers) {
        this.base = config.baseUrl().endsWith("/") ? config.baseUrl() : config.baseUrl() + "/";
        this.headers = Map.copyOf(headers);
        this.readTimeoutMillis = config.readTimeout().toMillis();
        this.client = vertx.createHttpClient(
                new HttpClientOptions()
                        .setKeepAlive(true)
                        // under the 5 s of uvicorn (vLLM) and Node servers: a connection is not reused as they close it
                        .setKeepAliveTimeout(4)
                        .setConnectTimeout((int) config.connectTimeout().toMillis())
                        .setDecompressionSupported(true)
                        // the try's span is the client span: Vert.x's tracer would start a trace of its own per call
                        .setTracingPolicy(TracingPolicy.IGNORE),
                // the bulkhead, not the pool, bounds the calls in flight
                new PoolOptions().setHttp1MaxSize(config.bulkhead().maxConcurrent()));
    }

    /** A non-streamed call: resolves with the whole answer once it has been read. */
    Uni<Answer> post(UpstreamPath path, String requestId, byte[] body, Context trace) {
        RequestOptions options = options(path, requestId, trace, "application/json");
        return Uni.createFrom().emitter(emitter -> {
            AtomicBoolean ended = new AtomicBoolean();
            AtomicReference<HttpClientRequest> sent = new AtomicReference<>();
            emitter.onTermination(() -> closeUnlessEnded(ended, sent.get()));
            client.request(options)
                    .compose(request -> {
                        sent.set(request);
                        return request.send(Buffer.buffer(body));
                    })
                    .compose(response -> response.body()
                            .map(answer -> new Answer(response.statusCode(), response.headers(), answer.getBytes())))
                    .onComplete(result -> {
                        ended.set(true);
                        if (result.succeeded()) {
                            emitter.complete(result.result());
                        } else {
                            emitter.fail(result.cause());
                        }
                    });
        });
    }

    /** A streamed call: each event's {@code data}; an error status fails with an {@link UpstreamStatus}. */
    Multi<String> stream(UpstreamPath path, String requestId, byte[] body, Context trace) {
        RequestOptions options = options(path, requestId, trace, "text/event-stream");
        return Multi.createFrom().emitter(emitter -> {
            AtomicBoolean ended = new AtomicBoolean();
            AtomicReference<HttpClientRequest> sent = new AtomicReference<>();
            emitter.onTermination(() -> closeUnlessEnded(ended, sent.get()));
            client.request(options).onFailure(emitter::fail).onSuccess(request -> {
                sent.set(request);
                request.exceptionHandler(emitter::fail);
                request.response().onFailure(emitter::fail).onSuccess(response -> {
                    if (response.statusCode() >= 300) {
                        response.body().onFailure(emitter::fail).onSuccess(error -> {
                            ended.set(true);
                            emitter.fail(new UpstreamStatus(
                                    response.statusCode(), error.getBytes(), response.getHeader("Retry-After")));
                        });
                        return;
                    }
                    SseParser parser = new SseParser(emitter::emit);
                    response.exceptionHandler(emitter::fail);
                    response.handler(chunk -> parser.feed(chunk.getBytes()));
                    response.endHandler(done -> {
                        ended.set(true);
                        parser.end();
                        emitter.complete();
                    });
                });
                request.end(Buffer.buffer(body));
            });
        });
    }

    private static void closeUnlessEnded(AtomicBoolean ended, HttpClientRequest request) {
        if (!ended.get() && request != null) {
            request.connection().close();
        }
    }

    private RequestOptions options(UpstreamPath path, String requestId, Context trace, String accept) {
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setAbsoluteURI(uri(path))
                // the longest silence: before the answer and between its pieces
                .setIdleTimeout(readTimeoutMillis)
                .putHeader("Content-Type", "application/json")
                .putHeader("Accept", accept);
        headers.forEach(options::putHeader);
        if (requestId != null) {
            options.putHeader("x-request-id", requestId);
        }
        W3CTraceContextPropagator.getInstance()
                .inject(trace, options, (carrier, name, value) -> carrier.putHeader(name, value));
        return options;
    }

    private String uri(UpstreamPath path) {
        StringBuilder uri = new StringBuilder(base).append(path.path());
        char separator = '?';
        if (path.apiVersion() != null) {
            uri.append(separator).append("api-version=").append(PathSegment.encode(path.apiVersion()));
            separator = '&';
        }
        if (path.alt() != null) {
            uri.append(separator).append("alt=").append(PathSegment.encode(path.alt()));
        }
        return uri.toString();
    }
}
