package dev.triage.routing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

import jakarta.inject.Singleton;

import dev.triage.routing.learned.FirstStage;
import dev.triage.routing.learned.LearnedRouter;
import dev.triage.routing.learned.RouterArtifacts;
import dev.triage.routing.learned.RouterManifest;
import io.quarkus.logging.Log;

/**
 * The trained router's heads and manifest ({@code triage.router.artifacts}, or the one shipped in the jar), and how the
 * gateway's model names map onto the win-rate model's ids.
 */
@Singleton
public class RouterModels {

    private final LearnedRouter router;
    private final LearnedRouterConfig config;
    private final Optional<FirstStage> firstStage;

    RouterModels(LearnedRouterConfig config) throws IOException {
        this.config = config;
        this.router = RouterArtifacts.load(config.artifacts().map(Path::of).orElse(null));
        this.firstStage = config.firstStage()
                ? router.firstStage()
                        .map(stage -> config.firstStageMargin()
                                .map(margin -> withMargin(stage, margin))
                                .orElse(stage))
                : Optional.empty();
    }

    private static FirstStage withMargin(FirstStage stage, double margin) {
        try {
            return stage.withMargin(margin);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("triage.router.first-stage-margin: " + e.getMessage(), e);
        }
    }

    /** The first stage learned routes consult, unless the router has none or it is turned off. */
    public Optional<FirstStage> firstStage() {
        return firstStage;
    }

    public LearnedRouter router() {
        return router;
    }

    public RouterManifest manifest() {
        return router.manifest();
    }

    /** The win-rate model's id for a gateway model, or {@code fallback} when the config maps none the router knows. */
    String modelId(String model, String fallback) {
        String id = config.modelIds().get(model);
        if (id != null && router.mf().knows(id)) {
            return id;
        }
        if (id != null) {
            Log.warnf("triage.router.model-ids.%s=%s is unknown to the router; using %s", model, id, fallback);
        }
        return router.mf().knows(model) ? model : fallback;
    }
}
