package dev.triage.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.triage.openai.OpenAiException;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import io.vertx.core.http.HttpServerRequest;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Requires one of {@code triage.api-keys} on every {@code /v1} call, with OpenAI's 401 wording when it is missing or wrong. */
@Startup
@ApplicationScoped
public class ApiKeyCheck {

    private final List<byte[]> keys;

    ApiKeyCheck(ApiConfig config) {
        this.keys = config.apiKeys().orElse(List.of()).stream()
                .filter(key -> !key.isBlank())
                .map(key -> key.strip().getBytes(StandardCharsets.UTF_8))
                .toList();
        if (keys.isEmpty()) {
            Log.warn("No API keys configured (triage.api-keys / TRIAGE_API_KEYS): the gateway accepts every request");
        }
    }

    @ServerRequestFilter(preMatching = true)
    public void check(HttpServerRequest request) {
        if (keys.isEmpty() || !request.path().startsWith("/v1/")) {
            return;
        }
        String authorization = request.getHeader("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new OpenAiException(401, "invalid_request_error", "missing_api_key", null,
                    "You didn't provide an API key. Send it as 'Authorization: Bearer <key>'.");
        }
        byte[] presented = authorization.substring(7).strip().getBytes(StandardCharsets.UTF_8);
        if (keys.stream().noneMatch(key -> MessageDigest.isEqual(key, presented))) {
            throw new OpenAiException(401, "invalid_request_error", "invalid_api_key", null,
                    "Incorrect API key provided.");
        }
    }
}
