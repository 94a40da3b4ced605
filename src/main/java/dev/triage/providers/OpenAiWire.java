package dev.triage.providers;

import java.util.Map;

import dev.triage.openai.Usage;
import dev.triage.responses.ResponseEvents;

/**
 * OpenAI's API and the compatible ones: each endpoint at its own path, {@code Authorization: Bearer} when keyed; the
 * Responses API too when the upstream has it ({@code responses-api}).
 */
final class OpenAiWire implements ProviderWire {

    private final Map<String, String> headers;
    private final boolean responsesApi;

    OpenAiWire(String apiKey, boolean responsesApi) {
        this.headers = apiKey == null ? Map.of() : Map.of("Authorization", "Bearer " + apiKey);
        this.responsesApi = responsesApi;
    }

    @Override
    public boolean speaks(Endpoint endpoint) {
        return endpoint == Endpoint.RESPONSES ? responsesApi : ProviderWire.super.speaks(endpoint);
    }

    @Override
    public Usage usageOfEvent(Endpoint endpoint, String data) {
        return endpoint == Endpoint.RESPONSES ? ResponseEvents.usage(data) : Usage.fromEvent(data);
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
