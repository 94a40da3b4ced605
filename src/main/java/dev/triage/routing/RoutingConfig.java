package dev.triage.routing;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** Named routes ({@code triage.routes.*}): what a request whose {@code model} is a route name is sent to. */
@ConfigMapping(prefix = "triage")
public interface RoutingConfig {

    Map<String, Route> routes();

    /** The route that RouteLLM-style model names ({@code router-mf-0.11593}) select, with their threshold. */
    @WithName("routellm-route")
    @WithDefault("auto")
    String routellmRoute();

    interface Route {

        @WithDefault("fixed")
        PolicyKind policy();

        /** For {@code fixed}: the model every request goes to. */
        Optional<String> model();

        /** The expensive model a learned policy sends hard requests to. */
        Optional<String> strong();

        /** The cheap model a learned policy sends easy requests to. */
        Optional<String> weak();

        /** For a learned policy: P(strong needed) at or above which the strong model answers. */
        OptionalDouble threshold();

        /**
         * For a learned policy without a threshold: the share of requests (0-1) the strong model should get, turned into
         * a threshold by the router's calibration.
         */
        OptionalDouble strongPct();
    }
}
