package dev.triage.providers;

import java.net.URI;
import java.util.concurrent.TimeUnit;

import jakarta.ws.rs.core.Response;

import dev.triage.openai.OpenAiJson;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/** The one way to call an OpenAI-compatible upstream: its REST client, its key and the translation of its failures. */
public class OpenAiCompatibleProvider {

    private final String name;
    private final OpenAiCompatibleApi api;
    private final String authorization;

    OpenAiCompatibleProvider(String name, ProvidersConfig.Provider config) {
        this.name = name;
        this.authorization = config.apiKey().map(key -> "Bearer " + key).orElse(null);
        this.api = QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create(config.baseUrl()))
                .connectTimeout(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(config.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                // statuses and error bodies are read here, not turned into exceptions by the client
                .property("microprofile.rest.client.disable.default.mapper", true)
                .build(OpenAiCompatibleApi.class);
    }

    public String name() {
        return name;
    }

    /** A non-streamed call; fails with an {@code OpenAiException} that says what the client should see. */
    public Uni<UpstreamReply> post(Endpoint endpoint, byte[] body, String requestId) {
        return api.post(endpoint.path(), authorization, requestId, body)
                .map(this::accept)
                .onFailure().transform(failure -> UpstreamFailures.fromThrowable(name, failure));
    }

    /** A streamed call: the {@code data} of each server-sent event, as the upstream wrote it. */
    public Multi<String> stream(Endpoint endpoint, byte[] body, String requestId) {
        return api.stream(endpoint.path(), authorization, requestId, body)
                .onFailure().transform(failure -> UpstreamFailures.fromThrowable(name, failure));
    }

    private UpstreamReply accept(Response response) {
        byte[] body = response.hasEntity() ? response.readEntity(byte[].class) : null;
        if (response.getStatus() >= 300) {
            throw UpstreamFailures.fromStatus(name, response.getStatus(), body);
        }
        if (body == null || OpenAiJson.tryParseObject(body) == null) {
            throw UpstreamFailures.malformedBody(name);
        }
        String contentType = response.getMediaType() != null ? response.getMediaType().toString() : "application/json";
        return new UpstreamReply(response.getStatus(), contentType, body);
    }
}
