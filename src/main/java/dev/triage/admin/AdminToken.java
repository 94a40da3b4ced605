package dev.triage.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import jakarta.enterprise.context.ApplicationScoped;

import dev.triage.access.KeysConfig;
import dev.triage.openai.OpenAiException;

/** The operators' bearer token for {@code /admin}, from {@code TRIAGE_ADMIN_TOKEN}; compared in constant time. */
@ApplicationScoped
class AdminToken {

    private final byte[] token;

    AdminToken(KeysConfig config) {
        this.token = config.adminToken()
                .filter(value -> !value.isBlank())
                .map(value -> value.strip().getBytes(StandardCharsets.UTF_8))
                .orElse(null);
    }

    void check(String authorization) {
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
