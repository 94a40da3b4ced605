package dev.triage.routing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import dev.triage.routing.encoder.BertEncoder;
import dev.triage.routing.encoder.EncoderSpec;
import dev.triage.routing.learned.LearnedRouter;
import dev.triage.routing.learned.RouterArtifacts;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * The learned router in the gateway, created at startup when a route is learned: its trained heads, its encoder (loaded
 * in the background so the HTTP server is up at once; readiness waits for it) and the worker threads that run the
 * encoder, off the event loop.
 */
@ApplicationScoped
public class RouterService {

    private final LearnedRouter router;
    private final LearnedRouterConfig config;
    private final EncoderBatcher batcher;
    private final EmbeddingCache cache;
    private final CompletableFuture<BertEncoder> encoder;
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong cacheHits = new AtomicLong();

    RouterService(LearnedRouterConfig config) throws IOException {
        this.config = config;
        this.router = RouterArtifacts.load(config.artifacts().map(Path::of).orElse(null));
        this.cache = new EmbeddingCache(config.cacheSize());
        // one PyTorch thread per worker; must be set before the engine starts
        System.setProperty("ai.djl.pytorch.num_threads", System.getProperty("ai.djl.pytorch.num_threads", "1"));
        System.setProperty("ai.djl.pytorch.num_interop_threads", System.getProperty("ai.djl.pytorch.num_interop_threads", "1"));
        System.setProperty("ai.djl.offline", System.getProperty("ai.djl.offline", "true"));
        this.encoder = new CompletableFuture<>();
        Thread.ofPlatform().daemon().name("triage-router-loader").start(() -> {
            try {
                encoder.complete(loadEncoder());
            } catch (RuntimeException | Error e) {
                encoder.completeExceptionally(e);
            }
        });
        this.batcher = new EncoderBatcher(encoder, config.workers(), config.maxBatch(), config.queueSize());
    }

    private BertEncoder loadEncoder() {
        long start = System.nanoTime();
        try {
            BertEncoder loaded = BertEncoder.load(EncoderSpec.byId(router.manifest().encoder()),
                    router.manifest().maxTokens(), router.manifest().layers());
            loaded.encode("warm up");
            Log.infof("Router %s ready: encoder %s (%d layers) loaded in %d ms", router.manifest().version(),
                    loaded.spec().id(), loaded.layers(), (System.nanoTime() - start) / 1_000_000);
            return loaded;
        } catch (Exception | LinkageError e) {
            Log.errorf(e, "The router's encoder failed to load, so learned routes send every request to their strong "
                    + "model and readiness stays down: %s", e.getMessage());
            throw new IllegalStateException(e);
        }
    }

    public LearnedRouter router() {
        return router;
    }

    /** The embedding of {@code text}, from the cache or computed on a router worker (batched with others waiting). */
    public Uni<float[]> embed(String text) {
        String key = EmbeddingCache.keyOf(text);
        float[] cached = cache.get(key);
        if (cached != null) {
            cacheHits.incrementAndGet();
            return Uni.createFrom().item(cached);
        }
        return Uni.createFrom().completionStage(batcher.submit(text).thenApply(embedding -> {
            cache.put(key, embedding);
            return embedding;
        }));
    }

    /** The win-rate model's id for a gateway model, or {@code fallback} when the config maps none the router knows. */
    public String modelId(String model, String fallback) {
        String id = config.modelIds().get(model);
        if (id != null && router.mf().knows(id)) {
            return id;
        }
        if (id != null) {
            Log.warnf("triage.router.model-ids.%s=%s is unknown to the router; using %s", model, id, fallback);
        }
        return router.mf().knows(model) ? model : fallback;
    }

    /** Whether learned routes answer with their strong model while the encoder loads, rather than wait for it. */
    public boolean answersWhileLoading() {
        return config.whileLoading() == LearnedRouterConfig.WhileLoading.STRONG;
    }

    /** Whether the encoder is still being loaded (neither ready nor failed). */
    public boolean loading() {
        return !encoder.isDone();
    }

    public boolean ready() {
        return encoder.isDone() && !encoder.isCompletedExceptionally();
    }

    /** Why the encoder is not ready, when it failed. */
    public String failure() {
        return encoder.isCompletedExceptionally() ? encoder.handle((ok, e) -> String.valueOf(e.getCause())).join() : null;
    }

    void countFailure() {
        failures.incrementAndGet();
    }

    public long failures() {
        return failures.get();
    }

    /** Requests waiting for a router worker. */
    public int waiting() {
        return batcher.waiting();
    }

    public long cacheHits() {
        return cacheHits.get();
    }

    @PreDestroy
    void close() {
        batcher.close();
        encoder.thenAccept(BertEncoder::close);
    }
}
