package dev.triage.providers;

import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.triage.openai.Usage;
import io.smallrye.mutiny.Multi;

/**
 * What sets one upstream API apart: where a call goes, the headers that authenticate it, and how Chat Completions
 * bodies, answers, streamed events and error bodies are translated to and from it. The gateway speaks Chat Completions
 * everywhere else; an OpenAI-compatible wire passes everything through as it is.
 */
interface ProviderWire {

    UpstreamPath path(Endpoint endpoint, String model, boolean streamed);

    Map<String, String> headers();

    /** Whether a request of {@code endpoint} goes to this upstream as it is (Chat Completions is always served). */
    default boolean speaks(Endpoint endpoint) {
        return endpoint != Endpoint.MESSAGES && endpoint != Endpoint.RESPONSES;
    }

    /** The body for the upstream; an {@link dev.triage.openai.OpenAiException} (a 400) when it cannot ask the same. */
    default byte[] request(Endpoint endpoint, byte[] body) {
        return body;
    }

    /** The upstream's successful answer as the endpoint's answer. */
    default byte[] reply(Endpoint endpoint, byte[] body) {
        return body;
    }

    /** The tokens an answer of {@code endpoint} reports. */
    default Usage usage(Endpoint endpoint, ObjectNode answer) {
        return Usage.of(answer);
    }

    /** The tokens one streamed event of {@code endpoint} reports, if any. */
    default Usage usageOfEvent(Endpoint endpoint, String data) {
        return Usage.fromEvent(data);
    }

    /** The {@code data} of the upstream's events as the endpoint's (Chat Completions chunks for chat). */
    default Multi<String> events(Endpoint endpoint, Multi<String> data) {
        return data;
    }

    /** An upstream error body, in OpenAI's envelope when the upstream's own could be read. */
    default byte[] errorBody(byte[] body) {
        return body;
    }

    /** The wait an error body asks for, in seconds, when the upstream says it there rather than in a header. */
    default Optional<String> retryAfter(byte[] body) {
        return Optional.empty();
    }

    static ProviderWire of(String provider, ProvidersConfig.Provider config) {
        String key = config.apiKey().filter(value -> !value.isBlank()).orElse(null);
        return switch (config.type()) {
            case OPENAI -> new OpenAiWire(key, config.responsesApi());
            case AZURE_OPENAI -> new AzureOpenAiWire(key, config.apiVersion().orElse(AzureOpenAiWire.API_VERSION));
            case ANTHROPIC ->
                new AnthropicWire(
                        provider,
                        config.unsupportedParams(),
                        key,
                        config.apiVersion().orElse(AnthropicWire.API_VERSION),
                        config.defaultMaxTokens());
            case GEMINI -> new GeminiWire(provider, config.unsupportedParams(), key);
        };
    }
}
