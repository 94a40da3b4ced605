package dev.triage.dispatch;

import jakarta.enterprise.context.ApplicationScoped;


import dev.triage.openai.ChatCompletionRequest;
import dev.triage.openai.ModelRequest;
import dev.triage.openai.OpenAiException;
import dev.triage.providers.Endpoint;
import dev.triage.providers.ModelTarget;
import dev.triage.providers.ProviderRegistry;
import dev.triage.routing.RouteTable;
import dev.triage.routing.RoutingDecision;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/** Resolves a request's {@code model} (a model, or a route that decides one) and forwards it to that model's provider. */
@ApplicationScoped
public class ChatDispatcher {

    private final ProviderRegistry providers;
    private final RouteTable routes;

    ChatDispatcher(ProviderRegistry providers, RouteTable routes) {
        this.providers = providers;
        this.routes = routes;
    }

    public Uni<Dispatched> chat(ChatCompletionRequest request, String requestId) {
        return decide(request).flatMap(decision -> {
            ModelTarget target = decision == null ? model(request.model()) : routedModel(decision);
            Log.debugf("request %s -> %s (%s)", requestId, target.name(), decision == null ? "direct" : decision.reason());
            return forward(Endpoint.CHAT_COMPLETIONS, target, decision, request.withModel(target.upstreamModel()),
                    request.stream(), requestId);
        });
    }

    public Uni<Dispatched> embeddings(ModelRequest request, String requestId) {
        return forward(Endpoint.EMBEDDINGS, request, requestId);
    }

    public Uni<Dispatched> completions(ModelRequest request, String requestId) {
        return forward(Endpoint.COMPLETIONS, request, requestId);
    }

    /** Embeddings and legacy completions: no routing, the named model's provider answers. */
    private Uni<Dispatched> forward(Endpoint endpoint, ModelRequest request, String requestId) {
        if (routes.select(request.model()).isPresent()) {
            throw OpenAiException.invalidRequest("'" + request.model() + "' is a route; routes apply to chat "
                    + "completions only. Name a model for /v1/" + endpoint.path() + ".", "model");
        }
        ModelTarget target = model(request.model());
        return forward(endpoint, target, null, request.withModel(target.upstreamModel()), request.stream(), requestId);
    }

    private Uni<RoutingDecision> decide(ChatCompletionRequest request) {
        if (providers.find(request.model()).isPresent()) {
            return Uni.createFrom().nullItem();
        }
        return routes.select(request.model())
                .map(selection -> selection.decide(request))
                .orElseGet(() -> Uni.createFrom().failure(notFound(request.model())));
    }

    private Uni<Dispatched> forward(Endpoint endpoint, ModelTarget target, RoutingDecision decision, byte[] body,
            boolean stream, String requestId) {
        if (stream) {
            return Uni.createFrom().item(new Dispatched.Streaming(target.name(), decision,
                    target.provider().stream(endpoint, body, requestId)));
        }
        return target.provider().post(endpoint, body, requestId)
                .map(reply -> new Dispatched.Complete(target.name(), decision, reply.contentType(), reply.body()));
    }

    private ModelTarget model(String name) {
        return providers.find(name).orElseThrow(() -> notFound(name));
    }

    private ModelTarget routedModel(RoutingDecision decision) {
        return providers.find(decision.model()).orElseThrow(() -> new OpenAiException(503, "server_error",
                "route_model_unavailable", "model", "Route '" + decision.route() + "' chose model '" + decision.model()
                        + "', which is not available: " + providers.whyUnavailable(decision.model())
                                .orElse("it is not configured") + "."));
    }

    private OpenAiException notFound(String name) {
        return OpenAiException.modelNotFound(name, providers.whyUnavailable(name)
                .map(why -> " It is configured, but " + why + ".")
                .orElse(" See GET /v1/models for the models and routes this gateway serves."));
    }
}
