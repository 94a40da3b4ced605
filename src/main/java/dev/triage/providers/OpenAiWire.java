package dev.triage.providers;

import java.util.Map;

/** OpenAI's API and the compatible ones: each endpoint at its own path, {@code Authorization: Bearer} when keyed. */
final class OpenAiWire implements ProviderWire {

    private final Map<String, String> headers;

    OpenAiWire(String apiKey) {
        this.headers = apiKey == null ? Map.of() : Map.of("Authorization", "Bearer " + apiKey);
    }

    @Override
    public UpstreamPath path(Endpoint endpoint, String model, boolean streamed) {
        return UpstreamPath.of(endpoint.path());
    }

    @Override
    public Map<String, String> headers() {
        return headers;
    }
}
