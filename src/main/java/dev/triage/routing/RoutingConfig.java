package dev.triage.routing;

import java.util.List;
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

        /**
         * Models tried when the chosen one fails after its retries. For a learned route these are alternatives to the
         * strong model: a weak model that fails escalates to the strong one, then these; a strong model that fails
         * degrades to these, then to the weak model. For a fixed route, simply the next models to try.
         */
        Optional<List<String>> fallbacks();

        /** The model that ends every chain of this route, e.g. a local vLLM model on the same node. */
        Optional<String> lastResort();

        /** For {@code quality-first}, {@code cost-first}, {@code hybrid}, {@code latency-first}: the models (2-10). */
        Optional<List<String>> candidates();

        /**
         * For a pool policy: each candidate's quality, 0-1 (for example its pass rate on your own evaluation, or a
         * public benchmark's score). Every candidate needs one.
         */
        Map<String, Double> quality();

        /**
         * For {@code cost-first} and {@code latency-first}: how far below the best candidate's quality the one chosen may
         * be (default 0.05).
         */
        OptionalDouble tolerance();

        /** For {@code cost-first} and {@code latency-first}, instead of a tolerance: the least quality to have. */
        OptionalDouble floor();

        /**
         * For {@code hybrid}: the quality given up for the most expensive candidate's cost; a candidate scores its
         * quality less this weight times its cost as a share of that most expensive one.
         */
        @WithDefault("0.5")
        double costWeight();

        /**
         * Output tokens a pool policy expects an answer to take, for its cost (the request's {@code max_tokens} when
         * lower).
         */
        @WithDefault("256")
        int expectedOutputTokens();

        /**
         * For {@code cascade}: the checks whose failure sends the request on to the next candidate ({@code empty},
         * {@code refusal}, {@code length}, {@code invalid-json}); default all.
         */
        Optional<List<String>> escalateOn();
    }
}
