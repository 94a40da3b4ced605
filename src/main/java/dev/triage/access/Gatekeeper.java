package dev.triage.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.OptionalLong;

import jakarta.enterprise.context.ApplicationScoped;

import dev.triage.openai.ClientText;
import dev.triage.openai.OpenAiException;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;

/**
 * Who may call, and whether they may call now: authenticates {@code Authorization: Bearer} keys (configured ones,
 * compared in constant time, and virtual ones by their hash), then applies a virtual key's allowed routes and models,
 * its hard or soft budget and its request and token rates, with OpenAI's error wording.
 */
@Startup
@ApplicationScoped
public class Gatekeeper {

    private final List<byte[]> configured;
    private final KeyStore keys;
    private final KeyLimits limits;
    private final boolean requireKeys;

    Gatekeeper(KeysConfig config, KeyStore keys, KeyLimits limits) {
        this.configured = config.apiKeys().orElse(List.of()).stream()
                .filter(key -> !key.isBlank())
                .map(key -> key.strip().getBytes(StandardCharsets.UTF_8))
                .toList();
        this.keys = keys;
        this.limits = limits;
        this.requireKeys = config.requireKeys();
        if (configured.isEmpty() && !requireKeys) {
            Log.warn(
                    "No API keys configured (triage.api-keys / TRIAGE_API_KEYS): the gateway accepts every request until a "
                            + "virtual key exists (POST /admin/keys); set TRIAGE_REQUIRE_KEYS=true in production");
        }
    }

    /** The caller behind an {@code Authorization} header; 401 when a key is needed and missing or wrong. */
    public Caller authenticate(String authorization) {
        String secret = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).strip()
                : null;
        if (secret != null && !secret.isEmpty()) {
            byte[] presented = secret.getBytes(StandardCharsets.UTF_8);
            for (byte[] key : configured) {
                if (MessageDigest.isEqual(key, presented)) {
                    return new Caller("config:" + KeyStore.hash(secret).substring(0, 8), null);
                }
            }
            var virtual = keys.find(secret);
            if (virtual.isPresent()) {
                return new Caller(virtual.get().id().toString(), virtual.get());
            }
        }
        if (open()) {
            return Caller.ANONYMOUS;
        }
        if (requireKeys && !keys.loaded()) {
            throw new OpenAiException(
                            503,
                            "server_error",
                            "keys_loading",
                            null,
                            "The gateway is still loading its API keys; try again in a moment.")
                    .withHeader("Retry-After", "1");
        }
        if (secret == null || secret.isEmpty()) {
            throw new OpenAiException(
                    401,
                    "invalid_request_error",
                    "missing_api_key",
                    null,
                    "You didn't provide an API key. Send it as 'Authorization: Bearer <key>'.");
        }
        throw new OpenAiException(401, "invalid_request_error", "invalid_api_key", null, "Incorrect API key provided.");
    }

    /**
     * Lets {@code caller} pick a route's threshold itself with a RouteLLM-style name ({@code modelName}), or refuses
     * with 403: a key with a budget may not, unless it was created with {@code allow_threshold_override}.
     */
    public void admitThreshold(Caller caller, String modelName) {
        if (caller.key() != null && !caller.key().mayChooseThreshold()) {
            throw new OpenAiException(
                    403,
                    "invalid_request_error",
                    "threshold_override_not_allowed",
                    "model",
                    "This API key may not choose its own routing threshold ('" + ClientText.bounded(modelName)
                            + "'); name the route itself.");
        }
    }

    /**
     * Lets {@code caller} use the route or model {@code name} now, or refuses (403 not allowed, 429 rate limit reached).
     * Returns whether a soft budget is spent, in which case the route must answer with its weak model.
     */
    public boolean admit(Caller caller, String name) {
        VirtualKey key = caller.key();
        if (key == null) {
            return false;
        }
        if (!key.allows(name)) {
            throw new OpenAiException(
                    403,
                    "invalid_request_error",
                    "model_not_allowed",
                    "model",
                    "This API key may not use '" + ClientText.bounded(name) + "'.");
        }
        // a spent hard budget is refused when the request's cost is reserved (KeyBudgets), with what it may cost
        boolean overSoftBudget = !key.hardBudget()
                && key.budgetUsd() != null
                && keys.spent(key.id()).compareTo(key.budgetUsd()) >= 0;
        OptionalLong wait = limits.admit(key, System.currentTimeMillis());
        if (wait.isPresent()) {
            throw RateLimits.exceeded(key, wait.getAsLong());
        }
        return overSoftBudget;
    }

    private boolean open() {
        return configured.isEmpty() && !requireKeys && !keys.issued();
    }
}
