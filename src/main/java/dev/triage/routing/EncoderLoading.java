package dev.triage.routing;

import java.util.concurrent.CompletableFuture;

import dev.triage.routing.encoder.BertEncoder;
import dev.triage.routing.encoder.EncoderSpec;
import dev.triage.routing.encoder.PyTorchThreads;
import dev.triage.routing.encoder.TokenTable;
import dev.triage.routing.learned.RouterManifest;
import io.quarkus.logging.Log;

/**
 * The router's encoder, loaded on a background thread so that the HTTP server is up at once, and warmed up with one
 * prompt; then, when the router has a first stage, its token table (from the cache, or distilled from the encoder while
 * the encoder already serves). Readiness and the learned routes ask where they stand.
 */
final class EncoderLoading {

    private final CompletableFuture<BertEncoder> encoder = new CompletableFuture<>();
    private final CompletableFuture<TokenTable> tokenTable = new CompletableFuture<>();
    private final boolean firstStage;

    EncoderLoading(RouterManifest manifest, boolean firstStage) {
        this.firstStage = firstStage;
        PyTorchThreads.onePerWorker();
        Thread.ofPlatform().daemon().name("triage-router-loader").start(() -> {
            BertEncoder loaded;
            try {
                loaded = load(manifest);
                encoder.complete(loaded);
            } catch (RuntimeException | Error e) {
                encoder.completeExceptionally(e);
                tokenTable.completeExceptionally(e);
                return;
            }
            if (firstStage) {
                loadTokenTable(loaded);
            }
        });
    }

    private void loadTokenTable(BertEncoder loaded) {
        long start = System.nanoTime();
        try {
            tokenTable.complete(loaded.tokenTable());
            Log.infof("Router's first stage ready: token table in %d ms", (System.nanoTime() - start) / 1_000_000);
        } catch (RuntimeException | Error e) {
            Log.errorf(e, "The router's token table failed to load, so the encoder decides every prompt: %s", e);
            tokenTable.completeExceptionally(e);
        }
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

    /** Where the first stage's token table stands: off (no first stage), loading, ready or failed. */
    String tokenTableState() {
        if (!firstStage) {
            return "off";
        }
        if (!tokenTable.isDone()) {
            return "loading";
        }
        return tokenTable.isCompletedExceptionally() ? "failed" : "ready";
    }

    /** The token table once it is loaded; until then, or if it failed, nothing. */
    TokenTable tokenTableIfReady() {
        return tokenTable.isDone() && !tokenTable.isCompletedExceptionally() ? tokenTable.join() : null;
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
