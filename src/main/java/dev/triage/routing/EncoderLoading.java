package dev.triage.routing;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import dev.triage.routing.encoder.BertEncoder;
import dev.triage.routing.encoder.EncoderSpec;
import dev.triage.routing.encoder.PromptTokenizer;
import dev.triage.routing.encoder.PyTorchThreads;
import dev.triage.routing.encoder.TokenEmbedder;
import dev.triage.routing.learned.RouterManifest;
import io.quarkus.logging.Log;

/**
 * The router's encoder and first stage, loaded on a background thread so that the HTTP server is up at once. The
 * tokenizer comes first; when the router has a first stage and an earlier start left its token table in the cache, the
 * first stage is ready then, before the PyTorch engine and the encoder's weights have loaded. The encoder follows,
 * warmed up with one prompt; a table not found in the cache is distilled from it while it already serves. Readiness and
 * the learned routes ask where each stands.
 */
final class EncoderLoading {

    private final CompletableFuture<BertEncoder> encoder = new CompletableFuture<>();
    private final CompletableFuture<TokenEmbedder> firstStage = new CompletableFuture<>();
    private final boolean withFirstStage;

    EncoderLoading(RouterManifest manifest, boolean withFirstStage) {
        this.withFirstStage = withFirstStage;
        PyTorchThreads.onePerWorker();
        Thread.ofPlatform().daemon().name("triage-router-loader").start(() -> load(manifest));
    }

    private void load(RouterManifest manifest) {
        long start = System.nanoTime();
        BertEncoder loaded;
        try {
            PromptTokenizer tokenizer =
                    PromptTokenizer.load(EncoderSpec.byId(manifest.encoder()), manifest.maxTokens());
            if (withFirstStage) {
                loadCachedFirstStage(tokenizer, manifest.layers(), start);
            }
            loaded = BertEncoder.load(tokenizer, manifest.layers());
            loaded.encode("warm up");
            Log.infof(
                    "Router %s ready: encoder %s (%d layers) loaded in %d ms",
                    manifest.version(), loaded.spec().id(), loaded.layers(), millisSince(start));
            encoder.complete(loaded);
        } catch (Exception | LinkageError e) {
            Log.errorf(
                    e,
                    "The router's encoder failed to load, so learned routes send every request the first stage does "
                            + "not decide to their strong model and readiness stays down: %s",
                    e.getMessage());
            IllegalStateException failed = new IllegalStateException(e);
            encoder.completeExceptionally(failed);
            firstStage.completeExceptionally(failed);
            return;
        }
        if (withFirstStage && !firstStage.isDone()) {
            distilFirstStage(loaded);
        }
    }

    private void loadCachedFirstStage(PromptTokenizer tokenizer, int layers, long start) throws IOException {
        Optional<TokenEmbedder> cached = TokenEmbedder.cached(tokenizer, layers);
        if (cached.isPresent()) {
            firstStage.complete(cached.get());
            Log.infof("Router's first stage ready from its cached token table in %d ms", millisSince(start));
        }
    }

    private void distilFirstStage(BertEncoder loaded) {
        long start = System.nanoTime();
        try {
            firstStage.complete(loaded.tokenEmbedder());
            Log.infof("Router's first stage ready: token table distilled in %d ms", millisSince(start));
        } catch (RuntimeException | Error e) {
            Log.errorf(e, "The router's token table failed to load, so the encoder decides every prompt: %s", e);
            firstStage.completeExceptionally(e);
        }
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    CompletableFuture<BertEncoder> encoder() {
        return encoder;
    }

    CompletableFuture<TokenEmbedder> firstStage() {
        return firstStage;
    }

    /** Where the first stage stands: off (the router has none, or it is turned off), loading, ready or failed. */
    String firstStageState() {
        if (!withFirstStage) {
            return "off";
        }
        if (!firstStage.isDone()) {
            return "loading";
        }
        return firstStage.isCompletedExceptionally() ? "failed" : "ready";
    }

    /** The first stage once it is loaded; until then, or if it failed, nothing. */
    Optional<TokenEmbedder> firstStageIfReady() {
        return firstStage.isDone() && !firstStage.isCompletedExceptionally()
                ? Optional.of(firstStage.join())
                : Optional.empty();
    }

    /** Where the encoder stands: loading, ready or failed. */
    String encoderState() {
        if (loading()) {
            return "loading";
        }
        return ready() ? "ready" : "failed";
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
