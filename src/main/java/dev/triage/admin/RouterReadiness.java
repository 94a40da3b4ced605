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
 * Ready once the learned router can decide (when a route uses it): its encoder is loaded, or its first stage is (from
 * the token table an earlier start cached, before the encoder), the prompts it leaves to the encoder then waiting for
 * it. Down, with the reason, if the encoder failed. With {@code while-loading: strong} it is ready while the encoder
 * loads, since learned routes answer from the start (the strong model where the first stage does not decide): a
 * scale-from-zero platform must send traffic at once.
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
                .withData("encoder-state", encoder.encoderState())
                .withData("first-stage", encoder.firstStageState())
                .withData("first-stage-decisions", encoder.firstStageDecisions());
        if (encoder.ready()) {
            return response.up().build();
        }
        if (encoder.loading() && answersWhileLoading) {
            return response.up()
                    .withData(
                            "state",
                            "encoder loading; the first stage decides what it can, the strong model answers "
                                    + "the rest")
                    .build();
        }
        if (encoder.loading() && encoder.firstStageReady()) {
            return response.up()
                    .withData(
                            "state",
                            "encoder loading; the first stage decides what it can, the rest wait for the " + "encoder")
                    .build();
        }
        String failure = encoder.failure();
        return response.down()
                .withData("reason", failure != null ? failure : "encoder still loading")
                .build();
    }
}
