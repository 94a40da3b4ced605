package dev.triage.providers;

import java.util.Map;

/**
 * Azure OpenAI's deployment URLs: {@code deployments/{deployment}/chat/completions?api-version=...} below the
 * resource's {@code /openai} base, the key in an {@code api-key} header; the upstream model id is the deployment's name.
 * Bodies, answers and errors are OpenAI's.
 */
final class AzureOpenAiWire implements ProviderWire {

    /** The latest generally available data-plane version. */
    static final String API_VERSION = "2024-10-21";

    private final Map<String, String> headers;
    private final String apiVersion;

    AzureOpenAiWire(String apiKey, String apiVersion) {
        this.headers = apiKey == null ? Map.of() : Map.of("api-key", apiKey);
        this.apiVersion = apiVersion;
    }

    @Override
    public UpstreamPath path(Endpoint endpoint, String model, boolean streamed) {
        return new UpstreamPath("deployments/" + PathSegment.encode(model) + "/" + endpoint.path(), apiVersion, null);
    }

    @Override
    public Map<String, String> headers() {
        return headers;
    }
}
