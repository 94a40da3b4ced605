package dev.triage.dispatch;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import dev.triage.access.Caller;
import dev.triage.access.Gatekeeper;
import dev.triage.access.KeyBudgets;
import dev.triage.access.KeysConfig;
import dev.triage.ledger.Pricing;
import dev.triage.openai.ChatCompletionRequest;
import dev.triage.openai.CompletionText;
import dev.triage.openai.ModelRequest;
import dev.triage.openai.OpenAiException;
import dev.triage.openai.UpstreamRequest;
import dev.triage.openai.Usage;
import dev.triage.providers.Call;
import dev.triage.providers.Endpoint;
import dev.triage.providers.FallbackChain;
import dev.triage.providers.ModelTarget;
import dev.triage.providers.ProviderRegistry;
import dev.triage.routing.Decision;
import dev.triage.routing.Escalation;
import dev.triage.routing.FallbackRole;
import dev.triage.routing.RouteSelection;
import dev.triage.routing.RouteTable;
import dev.triage.telemetry.MetricNames;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Resolves a request's {@code model} (a model, or a route that decides one) and forwards it along that model's fallback
 * chain: the route's, which knows the strong and weak tiers, or the model's own when it was named directly.
 */
@ApplicationScoped
public class ChatDispatcher {

    /** A model of a chain and the role it plays there. */
    private record Step(ModelTarget target, FallbackRole role) {}

    private static final String SHOULD_RETRY_HEADER = "x-should-retry";

    private final ProviderRegistry providers;
    private final RouteTable routes;
    private final MeterRegistry metrics;
    private final Metering metering;
    private final RequestTrace trace;
    private final Gatekeeper gatekeeper;
    private final KeyBudgets budgets;
    private final KeysConfig keysConfig;

    ChatDispatcher(
            ProviderRegistry providers,
            RouteTable routes,
            MeterRegistry metrics,
            Metering metering,
            RequestTrace trace,
            Gatekeeper gatekeeper,
            KeyBudgets budgets,
            KeysConfig keysConfig) {
        this.providers = providers;
        this.routes = routes;
        this.metrics = metrics;
        this.metering = metering;
        this.trace = trace;
        this.gatekeeper = gatekeeper;
        this.budgets = budgets;
        this.keysConfig = keysConfig;
    }

    public Uni<Dispatched> chat(ChatCompletionRequest request, String requestId, Caller caller) {
        return chat(request, Optional.empty(), requestId, caller);
    }

    /**
     * A request that came in on another API: {@code asWritten} goes to a model whose provider speaks that API, the Chat
     * Completions {@code request} to any other; routing reads the latter.
     */
    public Uni<Dispatched> chat(ChatCompletionRequest request, NativeBody asWritten, String requestId, Caller caller) {
        return chat(request, Optional.of(asWritten), requestId, caller);
    }

    private Uni<Dispatched> chat(
            ChatCompletionRequest request, Optional<NativeBody> asWritten, String requestId, Caller caller) {
        Optional<RouteSelection> selection = routes.select(request.model());
        if (selection.map(RouteSelection::threshold).isPresent()) {
            gatekeeper.admitThreshold(caller, request.model());
        }
        boolean overSoftBudget =
                gatekeeper.admit(caller, selection.map(RouteSelection::route).orElse(request.model()));
        RequestTrace.Traced traced = trace.begin("chat", request.model());
        Instant decidingSince = Instant.now();
        return decide(request)
                .emitOn(CallersContext.current())
                .map(decision -> overSoftBudget && decision.routed() ? routes.downgraded(decision) : decision)
                .flatMap(decision -> {
                    if (decision.routed()) {
                        trace.decided(traced, decision, decidingSince);
                    }
                    List<Step> chain = chainOf(decision);
                    Log.debugf(
                            "request %s -> %s (%s)",
                            requestId, chain.getFirst().target().name(), decision.explanation());
                    return forward(
                            Endpoint.CHAT_COMPLETIONS,
                            chain,
                            new Metering.Started(requestId, caller, decision, traced),
                            request,
                            asWritten);
                })
                .onFailure()
                .invoke(failure -> trace.refused(traced, failure));
    }

    /** The gateway's count of a request's prompt tokens (OpenAI's tokenizer): an estimate for any other model. */
    public long promptTokens(ChatCompletionRequest request) {
        return UsageEstimate.of(request.promptTexts(), "").inputTokens();
    }

    public Uni<Dispatched> embeddings(ModelRequest request, String requestId, Caller caller) {
        return forward(Endpoint.EMBEDDINGS, request, requestId, caller);
    }

    public Uni<Dispatched> completions(ModelRequest request, String requestId, Caller caller) {
        return forward(Endpoint.COMPLETIONS, request, requestId, caller);
    }

    /** Embeddings and legacy completions: no routing, the named model (and its own fallbacks) answers. */
    private Uni<Dispatched> forward(Endpoint endpoint, ModelRequest request, String requestId, Caller caller) {
        if (routes.select(request.model()).isPresent()) {
            throw OpenAiException.invalidRequest(
                    "'" + request.model() + "' is a route; routes apply to chat "
                            + "completions only. Name a model for /v1/" + endpoint.path() + ".",
                    "model");
        }
        gatekeeper.admit(caller, request.model());
        RequestTrace.Traced traced =
                trace.begin(endpoint == Endpoint.EMBEDDINGS ? "embeddings" : "text_completion", request.model());
        try {
            Decision direct = Decision.direct(request.model());
            return forward(
                    endpoint,
                    chainOf(direct),
                    new Metering.Started(requestId, caller, direct, traced),
                    request,
                    Optional.empty());
        } catch (RuntimeException e) {
            trace.refused(traced, e);
            throw e;
        }
    }

    private Uni<Decision> decide(ChatCompletionRequest request) {
        if (providers.find(request.model()).isPresent()) {
            return Uni.createFrom().item(Decision.direct(request.model()));
        }
        return routes.select(request.model())
                .map(selection -> selection.decide(request))
                .orElseGet(() -> Uni.createFrom().failure(notFound(request.model())));
    }

    private Uni<Dispatched> forward(
            Endpoint endpoint,
            List<Step> chain,
            Metering.Started started,
            UpstreamRequest request,
            Optional<NativeBody> asWritten) {
        String requestId = started.requestId();
        Decision decision = started.decision();
        List<ModelTarget> targets = chain.stream().map(Step::target).toList();
        reserve(started, targets, request);
        BiFunction<ModelTarget, Runnable, Call> call = (target, onTry) -> {
            Optional<NativeBody> passed = passedTo(target, asWritten);
            return new Call(
                    passed.map(NativeBody::endpoint).orElse(endpoint),
                    passed.map(body -> body.forUpstream(target.upstreamModel()))
                            .orElseGet(() -> request.forUpstream(target.upstreamModel())),
                    requestId,
                    target.upstreamModel(),
                    started.traced().context(),
                    onTry);
        };
        if (request.stream()) {
            return run(targets, (target, onTry) -> target.provider().stream(call.apply(target, onTry)), started, true)
                    .map(answer -> {
                        FallbackRole role = counted(chain, answer, decision, requestId);
                        String attempts = describe(answer.attempts());
                        Optional<NativeBody> passed = passedTo(answer.target(), asWritten);
                        return new Dispatched.Streaming(
                                answer.target().name(),
                                decision,
                                role,
                                attempts,
                                metered(
                                        answer.value(),
                                        started,
                                        answer.target(),
                                        role,
                                        attempts,
                                        passed.map(NativeBody::endpoint).orElse(endpoint),
                                        request),
                                passed.isPresent());
                    });
        }
        return run(targets, (target, onTry) -> target.provider().post(call.apply(target, onTry)), started, false)
                .flatMap(answer -> {
                    FallbackRole role = counted(chain, answer, decision, requestId);
                    String attempts = describe(answer.attempts());
                    Optional<Escalation> escalation = request instanceof ChatCompletionRequest chat
                            ? routes.escalated(decision, chat, answer.value().body())
                            : Optional.empty();
                    metering.ended(
                            started,
                            new Metering.Ended(
                                    answer.target(),
                                    role,
                                    attempts,
                                    reportedOrEstimated(
                                            answer.value().usage(),
                                            request,
                                            () -> CompletionText.ofBody(
                                                    answer.value().body())),
                                    200,
                                    escalation
                                            .map(step -> "escalated_"
                                                    + step.failed().label().replace('-', '_'))
                                            .orElse("ok"),
                                    false));
                    if (escalation.isPresent()) {
                        String failed = attempts.replaceFirst(";ok$", "") + ";failed="
                                + escalation.get().failed().label();
                        return escalate(escalation.get(), started, (ChatCompletionRequest) request, asWritten)
                                .map(after ->
                                        after instanceof Dispatched.Complete complete ? complete.after(failed) : after);
                    }
                    return Uni.createFrom()
                            .item(new Dispatched.Complete(
                                    answer.target().name(),
                                    decision,
                                    role,
                                    attempts,
                                    answer.value().contentType(),
                                    answer.value().body(),
                                    answer.value().headers(),
                                    passedTo(answer.target(), asWritten).isPresent()));
                });
    }

    /**
     * A cascade's next candidate, after the answer before it failed a check: a request of its own to the ledger and the
     * traces (the answer it replaces was paid for and has its row).
     */
    private Uni<Dispatched> escalate(
            Escalation escalation,
            Metering.Started before,
            ChatCompletionRequest request,
            Optional<NativeBody> asWritten) {
        Decision next = escalation.next();
        metrics.counter(
                        MetricNames.ESCALATIONS,
                        "route",
                        next.route(),
                        "check",
                        escalation.failed().label())
                .increment();
        Log.debugf("request %s -> %s (%s)", before.requestId(), next.model(), next.explanation());
        RequestTrace.Traced traced = trace.begin("chat", request.model());
        trace.decided(traced, next, Instant.now());
        return forward(
                Endpoint.CHAT_COMPLETIONS,
                chainOf(next),
                new Metering.Started(before.requestId(), before.caller(), next, traced),
                request,
                asWritten);
    }

    /** The chain tried model by model; a request that fails or that its client abandons is metered as such. */
    private <T> Uni<FallbackChain.Answer<T>> run(
            List<ModelTarget> targets,
            BiFunction<ModelTarget, Runnable, Uni<T>> attempt,
            Metering.Started started,
            boolean streamed) {
        return FallbackChain.run(targets, attempt, ChatDispatcher::sayWhatWasTried)
                .onFailure()
                .invoke(failure -> metering.failed(started, failure, streamed))
                .onCancellation()
                .invoke(() -> metering.abandoned(started, streamed));
    }

    /**
     * The stream as the client gets it, metered when it ends (completed, broken off or abandoned by the client) with
     * the usage its events report ({@code endpoint}'s: a chat stream's final chunk, which is kept from a client that did
     * not ask for it; Anthropic's input at the start and output at the end). Until a usage arrives the events are kept,
     * so that a stream without one is billed on an estimate of what was delivered.
     */
    private Multi<String> metered(
            Multi<String> events,
            Metering.Started started,
            ModelTarget model,
            FallbackRole role,
            String attempts,
            Endpoint endpoint,
            UpstreamRequest request) {
        boolean openAiChunks = endpoint != Endpoint.MESSAGES;
        AtomicReference<Usage> usage = new AtomicReference<>(Usage.UNKNOWN);
        List<String> delivered = Collections.synchronizedList(new ArrayList<>());
        return events.select()
                .where(data -> {
                    Usage reported = model.provider().usageOfEvent(endpoint, data);
                    if (!reported.known()) {
                        if (!usage.get().known()) {
                            delivered.add(data);
                        }
                        return true;
                    }
                    usage.set(usage.get().updatedBy(reported));
                    delivered.clear();
                    return !openAiChunks || !request.gatewayAsksUsage() || !Usage.isUsageOnlyChunk(data);
                })
                .onTermination()
                .invoke((failure, cancelled) -> metering.ended(
                        started,
                        new Metering.Ended(
                                model,
                                role,
                                attempts,
                                reportedOrEstimated(usage.get(), request, () -> textOf(delivered)),
                                200,
                                failure != null ? codeOf(failure) : cancelled ? "client_closed" : "ok",
                                true)));
    }

    /**
     * Holds what the request may cost at most against its key's hard budget and tokens-per-minute: its prompt (counted)
     * and its output cap, at the dearest model of its chain. Only for a virtual key: nobody else has such limits.
     */
    private void reserve(Metering.Started started, List<ModelTarget> chain, UpstreamRequest request) {
        if (started.caller().virtualKeyId().isEmpty()) {
            return;
        }
        long prompt = UsageEstimate.of(request.promptTexts(), "").inputTokens();
        long output = request.maxOutputTokens().orElse(keysConfig.reservedOutputTokens());
        Usage most = new Usage(prompt, output);
        BigDecimal cost = chain.stream()
                .map(model -> Pricing.cost(most, model.inputPricePerMillion(), model.outputPricePerMillion()))
                .max(BigDecimal::compareTo)
                .orElse(BigDecimal.ZERO);
        budgets.reserve(started.caller(), started.id(), cost, prompt + output);
    }

    /** What of {@code asWritten} goes to {@code target} as it is: all of it when its provider speaks that API. */
    private static Optional<NativeBody> passedTo(ModelTarget target, Optional<NativeBody> asWritten) {
        return asWritten.filter(body -> target.provider().speaks(body.endpoint()));
    }

    /** The upstream's usage, or when it reported none, the gateway's count of the prompt and of {@code completion}. */
    private static Usage reportedOrEstimated(Usage reported, UpstreamRequest request, Supplier<String> completion) {
        return reported.known() ? reported : UsageEstimate.of(request.promptTexts(), completion.get());
    }

    private static String textOf(List<String> events) {
        synchronized (events) {
            return events.stream().map(CompletionText::ofEvent).collect(Collectors.joining());
        }
    }

    private static String codeOf(Throwable failure) {
        return failure instanceof OpenAiException known ? known.code() : "stream_failed";
    }

    /** The answering model's role; when it was not the first model's, counted and logged. */
    private FallbackRole counted(
            List<Step> chain, FallbackChain.Answer<?> answer, Decision decision, String requestId) {
        FallbackRole role = chain.get(answer.index()).role();
        if (role == FallbackRole.PRIMARY) {
            return role;
        }
        metrics.counter(MetricNames.FALLBACKS, "route", decision.routed() ? decision.route() : "", "role", role.label())
                .increment();
        Log.infof(
                "request %s answered by %s (%s) after %s",
                requestId, answer.target().name(), role.label(), describe(answer.attempts()));
        return role;
    }

    /**
     * Puts every try on the error. When the gateway already tried more than once, it tells the client's SDK not to
     * retry on its own ({@code x-should-retry: false}, which the official SDKs honour): their retries would multiply
     * the gateway's. An upstream's {@code Retry-After} still invites a later try.
     */
    private static void sayWhatWasTried(FallbackChain.Exhausted exhausted) {
        if (exhausted.failure() instanceof OpenAiException error) {
            error.withHeader(Dispatched.ATTEMPTS_HEADER, describe(exhausted.attempts()));
            int tries = exhausted.attempts().stream()
                    .mapToInt(FallbackChain.Attempt::tries)
                    .sum();
            if (tries > 1 && !error.headers().containsKey("Retry-After")) {
                error.withHeader(SHOULD_RETRY_HEADER, "false");
            }
        }
    }

    private static String describe(List<FallbackChain.Attempt> attempts) {
        return attempts.stream().map(FallbackChain.Attempt::toString).collect(Collectors.joining(", "));
    }

    /** A named model and its own fallbacks; a route's candidates that can be called, skipping those whose provider is off. */
    private List<Step> chainOf(Decision decision) {
        List<Step> chain = new ArrayList<>();
        if (!decision.routed()) {
            ModelTarget model = providers.find(decision.model()).orElseThrow(() -> notFound(decision.model()));
            deployed(chain, model.name(), FallbackRole.PRIMARY);
            model.fallbacks().stream()
                    .filter(name -> !name.equals(model.name()))
                    .forEach(name -> deployed(chain, name, FallbackRole.FALLBACK));
            return chain;
        }
        routes.candidates(decision).forEach(candidate -> {
            if (!deployed(chain, candidate.model(), candidate.role())) {
                Log.debugf(
                        "route %s: skipping %s (%s)",
                        decision.route(),
                        candidate.model(),
                        providers.whyUnavailable(candidate.model()).orElse("not configured"));
            }
        });
        if (chain.isEmpty()) {
            throw new OpenAiException(
                    503,
                    "server_error",
                    "route_model_unavailable",
                    "model",
                    "Route '"
                            + decision.route() + "' chose model '" + decision.model() + "', which is not available: "
                            + providers.whyUnavailable(decision.model()).orElse("it is not configured") + ".");
        }
        return chain;
    }

    /**
     * Adds {@code model} at each of its deployments, in the order its balance gives this call; false when it has none
     * usable.
     */
    private boolean deployed(List<Step> chain, String model, FallbackRole role) {
        List<ModelTarget> deployments = providers.deploymentsFor(model);
        deployments.forEach(target -> chain.add(new Step(target, role)));
        return !deployments.isEmpty();
    }

    private OpenAiException notFound(String name) {
        return OpenAiException.modelNotFound(
                name,
                providers
                        .whyUnavailable(name)
                        .map(why -> " It is configured, but " + why + ".")
                        .orElse(" See GET /v1/models for the models and routes this gateway serves."));
    }
}
