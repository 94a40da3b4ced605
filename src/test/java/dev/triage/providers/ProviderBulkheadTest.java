package dev.triage.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Uni;

class ProviderBulkheadTest {

    private final ProviderBulkhead bulkhead = new ProviderBulkhead(
            1, 1, Duration.ofSeconds(5), () -> UpstreamFailures.overloaded("p", Duration.ofSeconds(1)));

    @Test
    void admitsUpToTheLimitAtOnce() {
        enterNow(bulkhead);
        assertThat(bulkhead.inFlight()).isEqualTo(1);
    }

    @Test
    void aQueuedCallGetsThePermitOfTheCallThatLeaves() throws Exception {
        enterNow(bulkhead);
        CompletableFuture<Void> queued = bulkhead.enter().subscribeAsCompletionStage();
        assertThat(queued).isNotDone();
        bulkhead.leave();
        queued.get(1, TimeUnit.SECONDS);
        assertThat(bulkhead.inFlight()).isEqualTo(1);
        bulkhead.leave();
        assertThat(bulkhead.inFlight()).isZero();
    }

    @Test
    void refusesAtOnceWhenTheQueueIsFull() {
        enterNow(bulkhead);
        bulkhead.enter().subscribeAsCompletionStage();
        assertThatThrownBy(() -> bulkhead.enter().await().atMost(Duration.ofMillis(100)))
                .isInstanceOf(UpstreamFailure.class)
                .hasMessageContaining("p");
    }

    @Test
    void aCallThatWaitedTooLongGivesUpAndLeavesNoPermitBehind() {
        ProviderBulkhead impatient = new ProviderBulkhead(
                1, 1, Duration.ofMillis(50), () -> UpstreamFailures.overloaded("p", Duration.ofSeconds(1)));
        enterNow(impatient);
        assertThatThrownBy(() -> impatient.enter().await().atMost(Duration.ofSeconds(2)))
                .isInstanceOf(UpstreamFailure.class);
        impatient.leave();
        assertThat(impatient.inFlight()).isZero();
        enterNow(impatient);
    }

    @Test
    void aCancelledWaiterLeavesTheQueue() {
        enterNow(bulkhead);
        Uni<Void> waiting = bulkhead.enter();
        waiting.subscribe().with(ok -> {}).cancel();
        bulkhead.enter().subscribeAsCompletionStage();
        bulkhead.leave();
        assertThat(bulkhead.inFlight()).isEqualTo(1);
    }

    private static void enterNow(ProviderBulkhead bulkhead) {
        bulkhead.enter().await().atMost(Duration.ofMillis(100));
    }
}
