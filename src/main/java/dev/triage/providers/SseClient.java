package dev.triage.providers;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.smallrye.mutiny.Multi;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

/**
 * Streamed calls to one upstream on Vert.x's HTTP client, whose connections are kept alive and reused once a stream has
 * ended (the REST client closed them after every stream, or reused one it was still closing). A stream that ends before
 * the upstream finished it (the client went away, a timeout) closes its connection, so that no half-read response is
 * ever reused. Resolves each event's {@code data}; an error status fails with an {@link UpstreamStatus}.
 */
final class SseClient {

    private final HttpClient client;
    private final String base;
    private final Map<String, String> headers;
    private final long readTimeoutMillis;

    SseClient(Vertx vertx, ProvidersConfig.Provider config, Map<String, String> headers) {
        this.base = config.baseUrl().endsWith("/") ? config.baseUrl() : config.baseUrl() + "/";
        this.headers = Map.copyOf(headers);
        this.readTimeoutMillis = config.readTimeout().toMillis();
        this.client = vertx.createHttpClient(
                new HttpClientOptions()
                        .setKeepAlive(true)
                        // under the 5 s of uvicorn (vLLM) and Node servers: a connection is not reused as they close it
                        .setKeepAliveTimeout(4)
                        .setConnectTimeout((int) config.connectTimeout().toMillis())
                        .setDecompressionSupported(true),
                // the bulkhead, not the pool, bounds the calls in flight
                new PoolOptions().setHttp1MaxSize(config.bulkhead().maxConcurrent()));
    }

    Multi<String> stream(UpstreamPath path, String requestId, byte[] body, Context trace) {
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setAbsoluteURI(uri(path))
                // the longest silence, as the REST client's read timeout is: before the answer and between its pieces
                .setIdleTimeout(readTimeoutMillis)
                .putHeader("Content-Type", "application/json")
                .putHeader("Accept", "text/event-stream");
        headers.forEach(options::putHeader);
        if (requestId != null) {
            options.putHeader("x-request-id", requestId);
        }
        W3CTraceContextPropagator.getInstance()
                .inject(trace, options, (carrier, name, value) -> carrier.putHeader(name, value));
        return Multi.createFrom().emitter(emitter -> {
            AtomicBoolean ended = new AtomicBoolean();
            HttpClientRequest[] sent = new HttpClientRequest[1];
            emitter.onTermination(() -> {
                if (!ended.get() && sent[0] != null) {
                    sent[0].connection().close();
                }
            });
            client.request(options).onFailure(emitter::fail).onSuccess(request -> {
                sent[0] = request;
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
