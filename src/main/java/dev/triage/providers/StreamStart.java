package dev.triage.providers;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.operators.multi.processors.UnicastProcessor;
import io.smallrye.mutiny.subscription.Cancellable;

/**
 * Opens an upstream stream and resolves once its first event has arrived, with the stream from that event on. Until
 * then nothing has reached the client, so a failure, a silent upstream or an empty stream is still a failed attempt
 * that may be retried or sent to another model; after it, silence longer than the idle timeout ends the stream.
 */
final class StreamStart {

    private StreamStart() {}

    static Uni<Multi<String>> of(Multi<String> events, String provider, Duration firstByte, Duration idle) {
        AtomicReference<Cancellable> upstream = new AtomicReference<>();
        return Uni.createFrom()
                .<Multi<String>>emitter(emitter -> {
                    UnicastProcessor<String> rest = UnicastProcessor.create();
                    AtomicBoolean started = new AtomicBoolean();
                    emitter.onTermination(() -> {
                        if (!started.get() && upstream.get() != null) {
                            upstream.get().cancel();
                        }
                    });
                    upstream.set(events.subscribe()
                            .with(
                                    event -> {
                                        rest.onNext(event);
                                        if (started.compareAndSet(false, true)) {
                                            emitter.complete(rest.ifNoItem()
                                                    .after(idle)
                                                    .failWith(() -> idleTimeout(provider, idle))
                                                    .onCancellation()
                                                    .invoke(() -> upstream.get().cancel()));
                                        }
                                    },
                                    failure -> {
                                        if (started.get()) {
                                            rest.onError(failure);
                                        } else {
                                            emitter.fail(failure);
                                        }
                                    },
                                    () -> {
                                        if (started.get()) {
                                            rest.onComplete();
                                        } else {
                                            emitter.fail(UpstreamFailures.emptyStream(provider));
                                        }
                                    }));
                })
                .ifNoItem()
                .after(firstByte)
                .failWith(() -> UpstreamFailures.timeout(provider, null));
    }

    private static UpstreamFailure idleTimeout(String provider, Duration idle) {
        return new UpstreamFailure(
                UpstreamFailure.Kind.TRANSIENT,
                504,
                "upstream_error",
                "upstream_stream_stalled",
                "Provider '" + provider + "' sent nothing for " + idle.toSeconds() + " s in the middle of the stream.",
                null,
                null,
                null);
    }
}
