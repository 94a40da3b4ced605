package dev.triage.providers;

import java.util.Map;
import java.util.Optional;

import io.smallrye.mutiny.Multi;

/**
 * What sets one upstream API apart: where a call goes, the headers that authenticate it, and how Chat Completions
 * bodies, answers, streamed events and error bodies are translated to and from it. The gateway speaks Chat Completions
 * everywhere else; an OpenAI-compatible wire passes everything through as it is.
 */
interface ProviderWire {

    UpstreamPath path(Endpoint endpoint, String model, boolean streamed);

    Map<String, String> headers();

    /** The body for the upstream; an {@link dev.triage.openai.OpenAiException} (a 400) when it cannot ask the same. */
    default byte[] request(Endpoint endpoint, byte[] body) {
        return body;
    }

    /** The upstream's successful answer as the endpoint's OpenAI answer. */
    default byte[] reply(byte[] body) {
        return body;
    }

    /** The {@code data} of the upstream's events as Chat Completions chunks. */
    default Multi<String> events(Multi<String> data) {
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
            case OPENAI -> new OpenAiWire(key);
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
