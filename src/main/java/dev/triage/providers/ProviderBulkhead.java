package dev.triage.providers;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import io.smallrye.mutiny.Uni;

/**
 * A bounded number of calls in flight to one provider, the excess waiting in a bounded queue for at most
 * {@code maxWait}. Unlike SmallRye's bulkhead, a permit is held until the caller leaves, so a stream occupies its
 * provider until it ends rather than until its first byte, and a queued call gives up after a bounded wait.
 */
final class ProviderBulkhead {

    private final int limit;
    private final int queueSize;
    private final Duration maxWait;
    private final Supplier<UpstreamFailure> rejection;
    private final Deque<CompletableFuture<Void>> waiting = new ArrayDeque<>();
    private int active;

    ProviderBulkhead(int limit, int queueSize, Duration maxWait, Supplier<UpstreamFailure> rejection) {
        this.limit = limit;
        this.queueSize = queueSize;
        this.maxWait = maxWait;
        this.rejection = rejection;
    }

    /** Resolves once the caller holds a permit, which it must give back with {@link #leave()}. */
    Uni<Void> enter() {
        CompletableFuture<Void> ticket = new CompletableFuture<>();
        synchronized (this) {
            if (active < limit) {
                active++;
                return Uni.createFrom().voidItem();
            }
            if (waiting.size() >= queueSize) {
                return Uni.createFrom().failure(rejection.get());
            }
            waiting.add(ticket);
        }
        return Uni.createFrom()
                .completionStage(ticket)
                .ifNoItem()
                .after(maxWait)
                .failWith(() -> {
                    abandon(ticket);
                    return rejection.get();
                })
                .onCancellation()
                .invoke(() -> abandon(ticket));
    }

    /** Gives a permit back, to the longest waiting caller if there is one. */
    void leave() {
        CompletableFuture<Void> next;
        synchronized (this) {
            next = waiting.poll();
            if (next == null) {
                active--;
                return;
            }
        }
        next.complete(null);
    }

    synchronized int inFlight() {
        return active;
    }

    /** A waiter that gave up: out of the queue, or, if a permit was already handed to it, the permit back. */
    private void abandon(CompletableFuture<Void> ticket) {
        synchronized (this) {
            if (waiting.remove(ticket)) {
                return;
            }
        }
        leave();
    }
}
