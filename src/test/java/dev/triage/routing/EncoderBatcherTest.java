package dev.triage.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EncoderBatcherTest {

    private final List<List<String>> batches = new CopyOnWriteArrayList<>();
    private final CountDownLatch firstBatchStarted = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private EncoderBatcher batcher;

    /** Embeds a text as its length; the first batch waits for {@link #release}, so that others queue behind it. */
    private final Function<List<String>, float[][]> encoder = texts -> {
        batches.add(List.copyOf(texts));
        firstBatchStarted.countDown();
        await(release);
        return texts.stream().map(text -> new float[] {text.length()}).toArray(float[][]::new);
    };

    @AfterEach
    void close() {
        release.countDown();
        batcher.close();
    }

    @Test
    void aLoneRequestIsEncodedAtOnce() throws Exception {
        batcher = new EncoderBatcher(CompletableFuture.completedFuture(encoder), 1, 8, 16);
        release.countDown();
        assertThat(batcher.submit("abc").get(5, TimeUnit.SECONDS)).containsExactly(3f);
        assertThat(batches).containsExactly(List.of("abc"));
    }

    @Test
    void requestsWaitingForABusyWorkerGoInOneBatchOfAtMostMaxBatch() throws Exception {
        batcher = new EncoderBatcher(CompletableFuture.completedFuture(encoder), 1, 3, 16);
        CompletableFuture<float[]> first = batcher.submit("a");
        assertThat(firstBatchStarted.await(5, TimeUnit.SECONDS)).isTrue();
        List<CompletableFuture<float[]>> waiting = List.of("bb", "ccc", "dddd", "eeeee").stream()
                .map(batcher::submit)
                .toList();
        release.countDown();
        assertThat(first.get(5, TimeUnit.SECONDS)).containsExactly(1f);
        for (int i = 0; i < waiting.size(); i++) {
            assertThat(waiting.get(i).get(5, TimeUnit.SECONDS)).containsExactly(i + 2f);
        }
        assertThat(batches).containsExactly(List.of("a"), List.of("bb", "ccc", "dddd"), List.of("eeeee"));
    }

    @Test
    void aFullQueueFailsTheRequestAtOnce() throws Exception {
        batcher = new EncoderBatcher(CompletableFuture.completedFuture(encoder), 1, 8, 1);
        batcher.submit("busy");
        assertThat(firstBatchStarted.await(5, TimeUnit.SECONDS)).isTrue();
        batcher.submit("queued");
        assertThatThrownBy(() -> batcher.submit("one too many").get(1, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasMessageContaining("router queue full");
    }

    @Test
    void anEncoderThatFailedToLoadFailsEveryRequest() {
        batcher = new EncoderBatcher(CompletableFuture.failedFuture(new IllegalStateException("no weights")), 1, 8, 16);
        assertThatThrownBy(() -> batcher.submit("x").get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasMessageContaining("no weights");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
