package dev.triage.routing;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import io.smallrye.mutiny.Uni;

/**
 * Embeds the prompts of learned routes: from the cache when a prompt was seen, otherwise on a router worker, batched
 * with the others waiting, off the event loop. Counts cache hits and the decisions that failed. A singleton (no client
 * proxy), so that the encoder starts loading as soon as a learned route is built at startup, not at its first request.
 */
@Singleton
public class PromptEmbedder {

    private final EncoderLoading encoder;
    private final EncoderBatcher batcher;
    private final EmbeddingCache cache;
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong cacheHits = new AtomicLong();
    private final AtomicLong firstStageDecisions = new AtomicLong();
    private final int maxChars;

    /**
     * Characters kept of a prompt per token the encoder reads: a WordPiece token is rarely longer than a few
     * characters, so what is cut could never reach the encoder's window, and a multi-megabyte prompt costs no
     * tokenizing.
     */
    static final int CHARS_PER_TOKEN = 32;

    PromptEmbedder(RouterModels models, LearnedRouterConfig config) {
        this.encoder = new EncoderLoading(models.manifest(), models.firstStage().isPresent());
        this.cache = new EmbeddingCache(config.cacheSize());
        this.maxChars = models.manifest().maxTokens() * CHARS_PER_TOKEN;
        this.batcher = new EncoderBatcher(
                encoder.encoder().thenApply(loaded -> loaded::encodeAll),
                config.workers(),
                config.maxBatch(),
                config.queueSize());
    }

    Uni<float[]> embed(String prompt) {
        String text = window(prompt);
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

    /**
     * The prompt's embedding by the token table (microseconds, on the caller's thread), once the first stage is loaded:
     * from the cache, that is before the encoder.
     */
    Optional<float[]> tokenEmbedding(String prompt) {
        return encoder.firstStageIfReady().map(tokens -> tokens.embed(window(prompt)));
    }

    private String window(String prompt) {
        return prompt.length() > maxChars ? prompt.substring(0, maxChars) : prompt;
    }

    /** Where the first stage stands: off, loading, ready or failed. */
    public String firstStageState() {
        return encoder.firstStageState();
    }

    void countFirstStageDecision() {
        firstStageDecisions.incrementAndGet();
    }

    /** Learned decisions the first stage made without the encoder. */
    public long firstStageDecisions() {
        return firstStageDecisions.get();
    }

    /** Where the encoder stands: loading, ready or failed. */
    public String encoderState() {
        return encoder.encoderState();
    }

    /** Whether the first stage decides: loaded, and its token table ready. */
    public boolean firstStageReady() {
        return encoder.firstStageIfReady().isPresent();
    }

    /** Whether the encoder is still being loaded (neither ready nor failed). */
    public boolean loading() {
        return encoder.loading();
    }

    public boolean ready() {
        return encoder.ready();
    }

    /** Why the encoder is not ready, when it failed. */
    public String failure() {
        return encoder.failure();
    }

    void countFailure() {
        failures.incrementAndGet();
    }

    /** Learned decisions that fell back to the strong model because the router failed. */
    public long failures() {
        return failures.get();
    }

    public long cacheHits() {
        return cacheHits.get();
    }

    @PreDestroy
    void close() {
        batcher.close();
        encoder.close();
    }
}
