package dev.triage.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.triage.openai.OpenAiException;
import io.quarkus.runtime.Startup;

/**
 * The operators' bearer token for {@code /admin}, from {@code TRIAGE_ADMIN_TOKEN}; compared in constant time. Outside
 * the demo (the simulated upstream on), a token that is a known placeholder or shorter than {@value #MIN_LENGTH}
 * characters stops the gateway at startup: a guessable token would hand out every key and budget.
 */
@Startup
@ApplicationScoped
public class AdminToken {

    static final int MIN_LENGTH = 16;
    private static final Set<String> PLACEHOLDERS =
            Set.of("replace-me", "replaceme", "changeme", "change-me", "admin", "password", "secret", "token", "test");

    private final byte[] token;

    AdminToken(KeysConfig config, @ConfigProperty(name = "triage.simulator.enabled") boolean demo) {
        Optional<String> configured = config.adminToken().map(String::strip).filter(value -> !value.isEmpty());
        configured.ifPresent(value -> refuseWeak(value, demo));
        this.token =
                configured.map(value -> value.getBytes(StandardCharsets.UTF_8)).orElse(null);
    }

    static void refuseWeak(String token, boolean demo) {
        if (demo) {
            return;
        }
        if (PLACEHOLDERS.contains(token.toLowerCase(Locale.ROOT)) || token.length() < MIN_LENGTH) {
            throw new IllegalStateException("TRIAGE_ADMIN_TOKEN is a placeholder or shorter than " + MIN_LENGTH
                    + " characters; set a random one (e.g. openssl rand -hex 24) or leave it unset to turn the admin API"
                    + " off.");
        }
    }

    public void check(String authorization) {
        if (token == null) {
            throw new OpenAiException(
                    403,
                    "invalid_request_error",
                    "admin_disabled",
                    null,
                    "The admin API is off: set TRIAGE_ADMIN_TOKEN to use it.");
        }
        String presented = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).strip()
                : "";
        if (!MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8))) {
            throw new OpenAiException(
                    401,
                    "invalid_request_error",
                    "invalid_admin_token",
                    null,
                    "Send the admin token as 'Authorization: Bearer <token>'.");
        }
    }
}
