package dev.triage.routing;

import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code triage.router.*}: the learned router behind {@code learned} routes. */
@ConfigMapping(prefix = "triage.router")
public interface LearnedRouterConfig {

    /** A folder with a trained router ({@code bin/router train --out DIR}); unset: the one shipped in the jar. */
    Optional<String> artifacts();

    /**
     * Threads that run the encoder, each with one PyTorch thread: on small inputs one intra-op thread per request and
     * one request per core beats two threads sharing every request (measured, see benchmarks/README.md).
     */
    @WithDefault("2")
    int workers();

    /**
     * Most requests one worker encodes in one pass. Only requests already waiting are batched (nothing waits for a batch
     * to fill): on 2 cores, batches of 4-8 prompts of ~25 tokens raise throughput 2.5x (benchmarks/README.md).
     */
    @WithDefault("8")
    int maxBatch();

    /** Requests that may wait for a worker; beyond it a request is routed by the fail-safe (its strong model). */
    @WithDefault("1024")
    int queueSize();

    /**
     * What a learned route does with a request that arrives while the encoder is still loading (about half a second
     * after a start) and that the first stage does not decide: {@code wait} for it (every answer is routed by the
     * router), or send it to the {@code strong} model at once (policy {@code warming}: no wait after a scale from zero,
     * at the strong model's price).
     */
    @WithDefault("wait")
    WhileLoading whileLoading();

    enum WhileLoading {
        WAIT,
        STRONG
    }

    /** Whether learned routes answer with their strong model while the encoder loads, rather than wait for it. */
    default boolean answersWhileLoading() {
        return whileLoading() == WhileLoading.STRONG;
    }

    /**
     * Whether the router's first stage, when it has one, decides the prompts whose token-table score ranks clearly on
     * one side of the threshold, leaving the encoder only those near it ({@code false}: the encoder decides all).
     */
    @WithDefault("true")
    boolean firstStage();

    /** How far from the threshold's rank (a share of prompts, 0-1) the first stage decides; unset: the trainer's. */
    Optional<Double> firstStageMargin();

    /** Prompts whose embeddings are remembered; a repeated prompt is decided without running the encoder. */
    @WithDefault("10000")
    int cacheSize();

    /**
     * The win-rate model's id for each gateway model on a learned route (e.g. {@code gpt-4o: gpt-4-turbo}). A
     * model without one counts as the router's default strong or weak model (see the manifest).
     */
    Map<String, String> modelIds();
}
