package dev.triage.providers;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Upstream providers and the models they serve: {@code triage.providers.*} and {@code triage.models.*}. */
@ConfigMapping(prefix = "triage")
public interface ProvidersConfig {

    Map<String, Provider> providers();

    Map<String, Model> models();

    interface Provider {

        /** Base URL of an OpenAI-compatible API, including its version path, e.g. {@code https://api.openai.com/v1}. */
        String baseUrl();

        /** Sent as {@code Authorization: Bearer ...}; set it from the environment, never in a committed file. */
        Optional<String> apiKey();

        /**
         * A provider that needs a key and has none is left out (with a log line saying which variable to set), so the
         * demo runs without keys and real providers switch on as soon as their key is in {@code .env}.
         */
        @WithDefault("false")
        boolean apiKeyRequired();

        /** Time to open a connection; a refused or unreachable host fails fast. */
        @WithDefault("5s")
        Duration connectTimeout();

        /** Longest wait for a whole non-streamed answer; long generations on slow models need minutes. */
        @WithDefault("300s")
        Duration readTimeout();
    }

    interface Model {

        /** Key of the provider in {@code triage.providers}. */
        String provider();

        /** The model id the provider knows; defaults to this model's own name. */
        Optional<String> upstreamModel();

        /** USD per million input tokens. */
        @WithDefault("0")
        BigDecimal inputPrice();

        /** USD per million output tokens. */
        @WithDefault("0")
        BigDecimal outputPrice();
    }
}
