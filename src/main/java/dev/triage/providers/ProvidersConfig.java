package dev.triage.providers;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
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

        /** The API the upstream speaks: openai (and compatible), azure-openai, anthropic or gemini. */
        @WithDefault("openai")
        ProviderType type();

        /**
         * Base URL of the API including its version path: {@code https://api.openai.com/v1},
         * {@code https://RESOURCE.openai.azure.com/openai}, {@code https://api.anthropic.com/v1},
         * {@code https://generativelanguage.googleapis.com/v1beta}.
         */
        String baseUrl();

        /**
         * The gateway's key for the upstream, sent the way its API wants it ({@code Authorization: Bearer},
         * {@code api-key}, {@code x-api-key}, {@code x-goog-api-key}); set it from the environment, never in a committed
         * file.
         */
        Optional<String> apiKey();

        /** Azure's {@code api-version} query parameter, or Anthropic's {@code anthropic-version} header. */
        Optional<String> apiVersion();

        /**
         * Whether an openai provider also serves OpenAI's Responses API at {@code {base}/responses} (OpenAI, vLLM):
         * {@code /v1/responses} requests then go to it as the client wrote them.
         */
        @WithDefault("false")
        boolean responsesApi();

        /** What a translating provider (anthropic, gemini) does with request fields its API cannot carry. */
        @WithDefault("reject")
        UnsupportedParams unsupportedParams();

        /** The output cap sent to Anthropic, which requires one, when the client set none. */
        @WithDefault("4096")
        int defaultMaxTokens();

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

        /** Longest wait for the first event of a streamed answer (a stream can still go elsewhere until then). */
        @WithDefault("60s")
        Duration firstByteTimeout();

        /** Longest silence between two events of a started stream; then the stream ends with an error event. */
        @WithDefault("60s")
        Duration idleTimeout();

        Retry retry();

        CircuitBreaker circuitBreaker();

        Bulkhead bulkhead();
    }

    /** Retries on the same provider of failures worth retrying only (see {@link UpstreamFailure.Kind#TRANSIENT}). */
    interface Retry {

        /** Tries after the first; 0 turns retries off. */
        @WithDefault("2")
        int maxRetries();

        /** Delay before the first retry; it doubles with each retry, with jitter, up to {@code max-delay}. */
        @WithDefault("200ms")
        Duration initialDelay();

        @WithDefault("5s")
        Duration maxDelay();

        /** An upstream {@code Retry-After} longer than this is not waited for: the next model of the chain answers. */
        @WithDefault("10s")
        Duration maxRetryAfter();
    }

    /** Stops calling a provider that keeps failing; a client's bad request never counts against it. */
    interface CircuitBreaker {

        @WithDefault("true")
        boolean enabled();

        /** Calls in the rolling window the failure ratio is computed over. */
        @WithDefault("20")
        int requestVolume();

        @WithDefault("0.5")
        double failureRatio();

        /** How long the circuit stays open before trial calls are let through (half-open). */
        @WithDefault("30s")
        Duration delay();

        /** Successful trial calls that close a half-open circuit. */
        @WithDefault("2")
        int successThreshold();
    }

    /** Bounds the calls in flight to a provider (a stream counts until it ends); excess waits briefly, then gets 503. */
    interface Bulkhead {

        @WithDefault("256")
        int maxConcurrent();

        @WithDefault("512")
        int queueSize();

        @WithDefault("2s")
        Duration maxWait();
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

        /** Models that answer instead, in order, when this one fails after its retries and is called by name. */
        Optional<List<String>> fallbacks();

        /**
         * More providers serving this same model (other keys, regions or vendors): each call goes to one of them or to
         * {@code provider} as {@code balance} says, and a deployment that fails hands the call to the next.
         */
        Optional<List<Deployment>> deployments();

        /** How calls are spread over the model's deployments. */
        @WithDefault("weighted")
        Balance balance();

        /** The share of calls {@code provider} gets under {@code weighted}, against each deployment's weight. */
        @WithDefault("1")
        int weight();
    }

    /** One more provider serving a model, with its own id for it and its share of the calls. */
    interface Deployment {

        /** Key of the provider in {@code triage.providers}. */
        String provider();

        /** The model id this provider knows; defaults to the model's. */
        Optional<String> upstreamModel();

        @WithDefault("1")
        int weight();
    }

    enum Balance {
        /** At random, in proportion to the weights. */
        WEIGHTED,
        /** To the deployment with the fewest calls in flight (the weights break ties). */
        LEAST_BUSY,
        /**
         * To the deployment whose recent successful tries were fastest; one not tried yet first, so that each gets
         * timed (the weights break ties).
         */
        LOWEST_LATENCY
    }
}
