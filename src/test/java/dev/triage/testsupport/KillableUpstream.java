package dev.triage.testsupport;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.concurrent.TimeUnit;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;

/**
 * An upstream that answers every chat request and can be killed and brought back on the same port, as a provider that
 * goes down and recovers.
 */
public final class KillableUpstream {

    private static final KillableUpstream INSTANCE = new KillableUpstream();
    private static final String ANSWER =
            "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,"
                    + "\"message\":{\"role\":\"assistant\",\"content\":\"ok\"},\"finish_reason\":\"stop\"}]}";

    private final Vertx vertx = Vertx.vertx();
    private final int port = freePort();
    private HttpServer server;

    public static KillableUpstream get() {
        return INSTANCE;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port + "/v1";
    }

    public synchronized void revive() {
        if (server == null) {
            server = await(vertx.createHttpServer()
                    .requestHandler(request -> request.body()
                            .onSuccess(body -> request.response()
                                    .putHeader("Content-Type", "application/json")
                                    .end(ANSWER)))
                    .listen(port, "127.0.0.1"));
        }
    }

    public synchronized void kill() {
        if (server != null) {
            await(server.close());
            server = null;
        }
    }

    private static <T> T await(io.vertx.core.Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("killable upstream did not change state", e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
