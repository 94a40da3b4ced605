package dev.triage.gemini;

import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Chat Completions' tool call ids for Gemini's function calls, which have none. Gemini signs the reasoning behind a
 * call ({@code thoughtSignature}) and wants the signature back with the call in the next turn; the client sends back
 * only the id, so the id carries it: {@code call_<16 hex>} then, when signed, {@code _ts_} and the signature in URL-safe
 * base64.
 */
final class ToolCallIds {

    private static final String PREFIX = "call_";
    private static final int RANDOM_LENGTH = PREFIX.length() + 16;
    private static final String SIGNED = "_ts_";

    private ToolCallIds() {}

    static String of(String thoughtSignature) {
        String id = PREFIX + String.format("%016x", ThreadLocalRandom.current().nextLong());
        if (thoughtSignature == null || thoughtSignature.isEmpty()) {
            return id;
        }
        byte[] signature = Base64.getDecoder().decode(thoughtSignature);
        return id + SIGNED + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
    }

    /** The signature an id carries, as Gemini wrote it. */
    static Optional<String> thoughtSignature(String id) {
        if (id.length() <= RANDOM_LENGTH + SIGNED.length() || !id.startsWith(SIGNED, RANDOM_LENGTH)) {
            return Optional.empty();
        }
        try {
            byte[] signature = Base64.getUrlDecoder().decode(id.substring(RANDOM_LENGTH + SIGNED.length()));
            return Optional.of(Base64.getEncoder().encodeToString(signature));
        } catch (IllegalArgumentException notOurs) {
            return Optional.empty();
        }
    }
}
