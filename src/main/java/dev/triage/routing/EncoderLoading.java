package dev.triage.routing;

import java.util.concurrent.CompletableFuture;

import dev.triage.routing.encoder.BertEncoder;
import dev.triage.routing.encoder.EncoderSpec;
import dev.triage.routing.encoder.PyTorchThreads;
import dev.triage.routing.learned.RouterManifest;
import io.quarkus.logging.Log;

/**
 * The router's encoder, loaded on a background thread so that the HTTP server is up at once, and warmed up with one
 * prompt. Readiness and the learned routes ask where it stands.
 */
final class EncoderLoading {

    private final CompletableFuture<BertEncoder> encoder = new CompletableFuture<>();

    EncoderLoading(RouterManifest manifest) {
        PyTorchThreads.onePerWorker();
        Thread.ofPlatform().daemon().name("triage-router-loader").start(() -> {
            try {
                encoder.complete(load(manifest));
            } catch (RuntimeException | Error e) {
                encoder.completeExceptionally(e);
            }
        });
    }

    private static BertEncoder load(RouterManifest manifest) {
        long start = System.nanoTime();
        try {
            BertEncoder loaded =
                    BertEncoder.load(EncoderSpec.byId(manifest.encoder()), manifest.maxTokens(), manifest.layers());
            loaded.encode("warm up");
            Log.infof(
                    "Router %s ready: encoder %s (%d layers) loaded in %d ms",
                    manifest.version(), loaded.spec().id(), loaded.layers(), (System.nanoTime() - start) / 1_000_000);
            return loaded;
        } catch (Exception | LinkageError e) {
            Log.errorf(
                    e,
                    "The router's encoder failed to load, so learned routes send every request to their strong "
                            + "model and readiness stays down: %s",
                    e.getMessage());
            throw new IllegalStateException(e);
        }
    }

    CompletableFuture<BertEncoder> encoder() {
        return encoder;
    }

    /** Neither ready nor failed. */
    boolean loading() {
        return !encoder.isDone();
    }

    boolean ready() {
        return encoder.isDone() && !encoder.isCompletedExceptionally();
    }

    /** Why the encoder is not ready, when it failed; {@code null} otherwise. */
    String failure() {
        return encoder.isCompletedExceptionally()
                ? encoder.handle((ok, e) -> String.valueOf(e.getCause())).join()
                : null;
    }

    void close() {
        encoder.thenAccept(BertEncoder::close);
    }
}
