package dev.triage.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import dev.triage.routing.LearnedRouterConfig;
import dev.triage.routing.PromptEmbedder;
import dev.triage.routing.RouteTable;
import dev.triage.routing.RouterModels;

/**
 * Ready once the learned router's encoder is loaded (when a route uses it); down, with the reason, if it failed. With
 * {@code while-loading: strong} it is ready while the encoder loads, since learned routes answer (with their strong
 * model) from the start: a scale-from-zero platform must send traffic at once.
 */
@Readiness
@ApplicationScoped
public class RouterReadiness implements HealthCheck {

    private final RouteTable routes;
    private final Instance<RouterModels> models;
    private final Instance<PromptEmbedder> embedder;
    private final boolean answersWhileLoading;

    RouterReadiness(
            RouteTable routes,
            Instance<RouterModels> models,
            Instance<PromptEmbedder> embedder,
            LearnedRouterConfig config) {
        this.routes = routes;
        this.models = models;
        this.embedder = embedder;
        this.answersWhileLoading = config.answersWhileLoading();
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("learned-router");
        if (!routes.usesLearnedRouter()) {
            return response.up().withData("learned-routes", false).build();
        }
        PromptEmbedder encoder = embedder.get();
        response.withData("version", models.get().manifest().version())
                .withData("encoder", models.get().manifest().encoder())
                .withData("inference-failures", encoder.failures())
                .withData("cache-hits", encoder.cacheHits())
                .withData("first-stage", encoder.firstStageState())
                .withData("first-stage-decisions", encoder.firstStageDecisions());
        if (encoder.ready()) {
            return response.up().build();
        }
        if (encoder.loading() && answersWhileLoading) {
            return response.up()
                    .withData("state", "encoder loading; learned routes answer with their strong model")
                    .build();
        }
        String failure = encoder.failure();
        return response.down()
                .withData("reason", failure != null ? failure : "encoder still loading")
                .build();
    }
}
