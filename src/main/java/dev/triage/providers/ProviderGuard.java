package dev.triage.providers;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import jakarta.enterprise.util.TypeLiteral;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

import dev.triage.telemetry.MetricNames;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.logging.Log;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.CustomBackoffStrategy;
import io.smallrye.faulttolerance.api.TypedGuard;
import io.smallrye.mutiny.Uni;

/**
 * One provider's fault tolerance, built from its configuration: a circuit breaker around retries with exponential
 * backoff and jitter (honouring an upstream's {@code Retry-After}), both SmallRye Fault Tolerance, and a bulkhead around
 * them. The breaker judges whole calls, after their retries: a provider failing one try in five while its retries
 * answer is working, and only one whose calls fail even when retried is taken out.
 */
final class ProviderGuard {

    private final String provider;
    private final ProvidersConfig.Retry retry;
    private final TypedGuard<Uni<Object>> retries;
    private final TypedGuard<Uni<Object>> breaker;
    private final ProviderBulkhead bulkhead;
    private final Duration breakerDelay;
    private final AtomicReference<CircuitBreakerState> circuit = new AtomicReference<>(CircuitBreakerState.CLOSED);
    private volatile long openedAtNanos;

    ProviderGuard(String provider, ProvidersConfig.Provider config, MeterRegistry metrics) {
        this.provider = provider;
        this.retry = config.retry();
        this.breakerDelay = config.circuitBreaker().delay();
        this.bulkhead = new ProviderBulkhead(
                config.bulkhead().maxConcurrent(),
                config.bulkhead().queueSize(),
                config.bulkhead().maxWait(),
                () -> UpstreamFailures.overloaded(provider, Duration.ofSeconds(1)));
        this.retries = TypedGuard.create(new TypeLiteral<Uni<Object>>() {})
                .withDescription("provider-" + provider + "-retries")
                .withRetry()
                .maxRetries(retry.maxRetries())
                .delay(0, ChronoUnit.MILLIS)
                .jitter(0, ChronoUnit.MILLIS)
                .maxDuration(Long.MAX_VALUE / 4, ChronoUnit.MILLIS) // each try has its own timeout
                .whenException(this::worthRetrying)
                .withCustomBackoff()
                .strategy(Backoff::new)
                .done()
                .done()
                .build();
        ProvidersConfig.CircuitBreaker breakerConfig = config.circuitBreaker();
        this.breaker = !breakerConfig.enabled()
                ? null
                : TypedGuard.create(new TypeLiteral<Uni<Object>>() {})
                        .withDescription("provider-" + provider + "-breaker")
                        .withCircuitBreaker()
                        .requestVolumeThreshold(breakerConfig.requestVolume())
                        .failureRatio(breakerConfig.failureRatio())
                        .delay(breakerConfig.delay().toMillis(), ChronoUnit.MILLIS)
                        .successThreshold(breakerConfig.successThreshold())
                        .when(failure -> !(failure instanceof UpstreamFailure known) || known.providerFault())
                        .onStateChange(this::circuitChanged)
                        .done()
                        .build();
        metrics.gauge(MetricNames.CIRCUIT_STATE, Tags.of("provider", provider), circuit, state -> switch (state.get()) {
            case CLOSED -> 0;
            case HALF_OPEN -> 1;
            case OPEN -> 2;
        });
        metrics.gauge(
                MetricNames.UPSTREAM_IN_FLIGHT, Tags.of("provider", provider), bulkhead, ProviderBulkhead::inFlight);
    }

    CircuitBreakerState circuit() {
        return circuit.get();
    }

    /** {@code attempt} (subscribed once per try) under the retry policy, the whole call under the circuit breaker. */
    @SuppressWarnings("unchecked")
    <T> Uni<T> guarded(Supplier<Uni<T>> attempt) {
        Supplier<Uni<Object>> retried = () -> retries.get(() -> (Uni<Object>) attempt.get());
        if (breaker == null) {
            return (Uni<T>) retried.get();
        }
        return ((Uni<T>) breaker.get(retried))
                .onFailure(CircuitBreakerOpenException.class)
                .transform(open -> UpstreamFailures.circuitOpen(provider, untilHalfOpen()));
    }

    /** A bulkhead permit; give it back with {@link #release()}. */
    Uni<Void> admit() {
        return bulkhead.enter();
    }

    void release() {
        bulkhead.leave();
    }

    private boolean worthRetrying(Throwable failure) {
        return failure instanceof UpstreamFailure known
                && known.kind() == UpstreamFailure.Kind.TRANSIENT
                && (known.retryAfter() == null || known.retryAfter().compareTo(retry.maxRetryAfter()) <= 0);
    }

    private void circuitChanged(CircuitBreakerState state) {
        if (state == CircuitBreakerState.OPEN) {
            openedAtNanos = System.nanoTime();
        }
        circuit.set(state);
        Log.infof("Provider %s: circuit breaker %s", provider, state.name().toLowerCase());
    }

    private Duration untilHalfOpen() {
        Duration left = breakerDelay.minusNanos(System.nanoTime() - openedAtNanos);
        return left.isNegative() ? Duration.ofSeconds(1) : left;
    }

    /** Exponential backoff with full jitter over its upper half; at least what the upstream asked for. */
    private final class Backoff implements CustomBackoffStrategy {

        private int retries;

        @Override
        public long nextDelayInMillis(Throwable cause) {
            long ceiling =
                    Math.min(retry.maxDelay().toMillis(), retry.initialDelay().toMillis() << Math.min(retries++, 20));
            long delay = ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1);
            Duration asked = cause instanceof UpstreamFailure known ? known.retryAfter() : null;
            return asked != null ? Math.max(delay, asked.toMillis()) : delay;
        }
    }

    /** Calls to the provider in flight now (bulkhead permits held). */
    int inFlight() {
        return bulkhead.inFlight();
    }
}
