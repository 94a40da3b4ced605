package dev.triage.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Runs the encoder on its own worker threads. A worker takes every request waiting when it becomes free, up to
 * {@code maxBatch}, and encodes them in one pass: alone, a request is encoded at once; under load, the batch grows and
 * each weight matrix is read once for many requests. A full queue fails the request, so the caller's fail-safe applies
 * instead of an unbounded wait.
 */
final class EncoderBatcher {

    private record Job(String text, CompletableFuture<float[]> embedding) {}

    private final CompletableFuture<Function<List<String>, float[][]>> encoder;
    private final BlockingQueue<Job> queue;
    private final int maxBatch;
    private final List<Thread> workers = new ArrayList<>();

    /** {@code encoder} embeds a batch of texts, once it is loaded. */
    EncoderBatcher(
            CompletableFuture<Function<List<String>, float[][]>> encoder, int workers, int maxBatch, int queueSize) {
        this.encoder = encoder;
        this.queue = new ArrayBlockingQueue<>(queueSize);
        this.maxBatch = maxBatch;
        for (int i = 1; i <= workers; i++) {
            this.workers.add(
                    Thread.ofPlatform().daemon().name("triage-router-" + i).start(this::work));
        }
    }

    CompletableFuture<float[]> submit(String text) {
        Job job = new Job(text, new CompletableFuture<>());
        if (!queue.offer(job)) {
            job.embedding.completeExceptionally(new IllegalStateException(
                    "router queue full (" + queue.size() + " waiting); raise triage.router.queue-size or workers"));
        }
        return job.embedding;
    }

    private void work() {
        List<Job> batch = new ArrayList<>(maxBatch);
        while (!Thread.currentThread().isInterrupted()) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                return;
            }
            queue.drainTo(batch, maxBatch - 1);
            try {
                float[][] embeddings =
                        encoder.join().apply(batch.stream().map(Job::text).toList());
                for (int i = 0; i < batch.size(); i++) {
                    batch.get(i).embedding.complete(embeddings[i]);
                }
            } catch (RuntimeException | LinkageError e) {
                batch.forEach(job -> job.embedding.completeExceptionally(e));
            }
            batch.clear();
        }
    }

    void close() {
        workers.forEach(Thread::interrupt);
    }
}
