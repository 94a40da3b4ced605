package dev.triage.providers;

import java.time.Duration;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.function.Function;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.triage.openai.OpenAiException;
import dev.triage.openai.OpenAiJson;
import dev.triage.openai.Usage;
import dev.triage.telemetry.MetricNames;
import dev.triage.telemetry.SpanAttributes;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;

/**
 * The one way to call an upstream: its {@link UpstreamClient}, its guard, and its {@link ProviderWire}, which carries
 * Chat Completions to and from whatever API it speaks, so that everything above sees OpenAI's bodies, events and errors.
 */
public class Provider {

    private final String name;
    private final ProviderWire wire;
    private final UpstreamClient client;
    private final String apiKey;
    private final ProviderGuard guard;
    private final Duration readTimeout;
    private final Duration firstByteTimeout;
    private final Duration idleTimeout;
    private final MeterRegistry metrics;
    private final Tracer tracer;
    private final Cooldowns cooldowns = new Cooldowns();
    private final RecentLatency latency = new RecentLatency();

    Provider(String name, ProvidersConfig.Provider config, Vertx vertx, MeterRegistry metrics, Tracer tracer) {
        this.name = name;
        this.metrics = metrics;
        this.tracer = tracer;
        this.guard = new ProviderGuard(name, config, metrics);
        this.readTimeout = config.readTimeout();
        this.firstByteTimeout = config.firstByteTimeout();
        this.idleTimeout = config.idleTimeout();
        this.apiKey = config.apiKey().filter(key -> !key.isBlank()).orElse(null);
        this.wire = ProviderWire.of(name, config);
        this.client = new UpstreamClient(vertx, config, wire.headers());
    }

    public String name() {
        return name;
    }

    /** Whether a request of {@code endpoint} goes to this provider as it is, in its own API. */
    public boolean speaks(Endpoint endpoint) {
        return wire.speaks(endpoint);
    }

    /** The tokens one streamed event of a call to {@code endpoint} reports, if any. */
    public Usage usageOfEvent(Endpoint endpoint, String data) {
        return wire.usageOfEvent(endpoint, data);
    }

    /** The state of this provider's circuit breaker: closed, open or half_open. */
    public String circuit() {
        return guard.circuit().name().toLowerCase(Locale.ROOT);
    }

    /** A non-streamed call, retried and guarded; fails with an {@link UpstreamFailure} that says what the client should see. */
    public Uni<UpstreamReply> post(Call call) {
        UpstreamPath path = wire.path(call.endpoint(), call.model(), false);
        return translated(call)
                .flatMap(body -> admit(call).map(admitted -> body))
                .flatMap(body -> guard.guarded(() -> tried(
                                call,
                                trace -> client.post(path, call.requestId(), body, trace)
                                        .map(answer -> accept(call.endpoint(), answer))
                                        // the client's read timeout is a gap between reads; this is the whole answer's
                                        .ifNoItem()
                                        .after(readTimeout)
                                        .failWith(() -> UpstreamFailures.timeout(name, null))
                                        .onFailure()
                                        .transform(this::failure)))
                        .onTermination()
                        .invoke(guard::release));
    }

    /**
     * A streamed call, retried and guarded until its first event: resolves with the {@code data} of each Chat
     * Completions chunk (as an OpenAI-compatible upstream wrote it, or translated) once the first has arrived.
     */
    public Uni<Multi<String>> stream(Call call) {
        return translated(call)
                .flatMap(body -> admit(call).map(admitted -> body))
                .flatMap(body -> guard.guarded(() -> streamOnce(call, body))
                        .onFailure()
                        .invoke(guard::release)
                        .onCancellation()
                        .invoke(guard::release)
                        .map(events -> events.onTermination().invoke(guard::release)));
    }

    /** One try of a streamed call. */
    private Uni<Multi<String>> streamOnce(Call call, byte[] body) {
        UpstreamPath path = wire.path(call.endpoint(), call.model(), true);
        return tried(call, trace -> {
            Multi<String> events = wire.events(call.endpoint(), client.stream(path, call.requestId(), body, trace))
                    .onFailure()
                    .transform(this::failure);
            return StreamStart.of(events, name, firstByteTimeout, idleTimeout);
        });
    }

    /** The call's body in the upstream's API, or the 400 saying why it cannot be sent there. */
    private Uni<byte[]> translated(Call call) {
        return Uni.createFrom().item(() -> wire.request(call.endpoint(), call.body()));
    }

    /** How long successful tries for {@code upstreamModel} took lately; empty before the first. */
    OptionalDouble recentMillis(String upstreamModel) {
        return latency.of(upstreamModel);
    }

    /** Calls to this provider in flight now (bulkhead permits held). */
    int inFlight() {
        return guard.inFlight();
    }

    /** A bulkhead permit for a call to a model that is not cooling down after a rate limit. */
    private Uni<Void> admit(Call call) {
        Duration cooling = cooldowns.remaining(call.model());
        if (cooling != null) {
            return Uni.createFrom().failure(UpstreamFailures.coolingDown(name, cooling));
        }
        return guard.admit();
    }

    /**
     * One try: counted, traced as a span of its own (the upstream gets it as its parent), its outcome in the metrics.
     */
    private <T> Uni<T> tried(Call call, Function<Context, Uni<T>> attempt) {
        call.onTry().run();
        long start = System.nanoTime();
        Span span = tracer.spanBuilder(call.endpoint().path() + " " + call.model())
                .setParent(call.trace())
                .setSpanKind(SpanKind.CLIENT)
                .setAttribute(SpanAttributes.PROVIDER, name)
                .setAttribute(SpanAttributes.REQUEST_MODEL, call.model())
                .startSpan();
        return attempt.apply(call.trace().with(span))
                .onItemOrFailure()
                .invoke((item, failure) -> {
                    String outcome = UpstreamFailure.outcomeOf(failure);
                    metrics.counter(MetricNames.UPSTREAM_ATTEMPTS, "provider", name, "outcome", outcome)
                            .increment();
                    span.setAttribute(SpanAttributes.OUTCOME, outcome);
                    if (failure instanceof UpstreamFailure known && known.status() == 429) {
                        cooldowns.coolDown(call.model(), known.retryAfter());
                    }
                    if (failure == null) {
                        latency.add(call.model(), (System.nanoTime() - start) / 1e6);
                    }
                    if (failure != null) {
                        span.setStatus(StatusCode.ERROR, failure.getMessage());
                        Log.debugf(
                                failure.getCause(),
                                "provider %s: try failed with %s: %s",
                                name,
                                outcome,
                                failure.getMessage());
                    }
                    span.end();
                })
                .onCancellation()
                .invoke(span::end);
    }

    private UpstreamReply accept(Endpoint endpoint, UpstreamClient.Answer answer) {
        byte[] upstreamBody = answer.body().length > 0 ? answer.body() : null;
        if (answer.status() >= 300) {
            throw statusFailure(answer.status(), answer.headers().get("Retry-After"), upstreamBody);
        }
        byte[] body = upstreamBody == null ? null : answer(endpoint, upstreamBody);
        ObjectNode json = body == null ? null : OpenAiJson.tryParseObject(body);
        if (json == null) {
            throw UpstreamFailures.malformedBody(name);
        }
        String contentType = answer.headers().get("Content-Type");
        return new UpstreamReply(
                answer.status(),
                contentType != null ? contentType : "application/json",
                body,
                wire.usage(endpoint, json),
                UpstreamReply.passedOn(answer.headers()));
    }

    /** The upstream's answer as OpenAI's; {@code null} when it cannot be read as one. */
    private byte[] answer(Endpoint endpoint, byte[] upstreamBody) {
        try {
            return wire.reply(endpoint, upstreamBody);
        } catch (OpenAiException unreadable) {
            return null;
        }
    }

    private UpstreamFailure failure(Throwable failure) {
        if (failure instanceof UpstreamStatus status) {
            return statusFailure(status.status(), status.retryAfter(), status.body());
        }
        return UpstreamFailures.fromThrowable(name, failure);
    }

    /** An upstream's error status, its body in OpenAI's envelope, and the wait it asked for (header or body). */
    private UpstreamFailure statusFailure(int status, String retryAfterHeader, byte[] body) {
        String retryAfter = retryAfterHeader;
        if (retryAfter == null && body != null) {
            retryAfter = wire.retryAfter(body).orElse(null);
        }
        return UpstreamFailures.fromStatus(
                name, status, body == null ? null : wire.errorBody(body), retryAfter, apiKey);
    }
}
