package dev.triage.providers;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.triage.gemini.ChatAsGemini;
import dev.triage.gemini.GeminiAsChat;
import dev.triage.gemini.GeminiChunks;
import dev.triage.openai.ChunkTranslation;
import dev.triage.openai.UnsupportedField;

/**
 * Google's Gemini API: {@code models/{model}:generateContent}, or {@code :streamGenerateContent?alt=sse} for a stream,
 * the key in {@code x-goog-api-key}.
 */
final class GeminiWire extends TranslatedWire {

    private final Map<String, String> headers;

    GeminiWire(String provider, UnsupportedParams policy, String apiKey) {
        super(provider, policy);
        this.headers = apiKey == null ? Map.of() : Map.of("x-goog-api-key", apiKey);
    }

    @Override
    String api() {
        return "Gemini's generateContent";
    }

    @Override
    public UpstreamPath path(Endpoint endpoint, String model, boolean streamed) {
        String resource = model.startsWith("models/") || model.startsWith("tunedModels/")
                ? model
                : "models/" + PathSegment.encode(model);
        return streamed
                ? new UpstreamPath(resource + ":streamGenerateContent", null, "sse")
                : UpstreamPath.of(resource + ":generateContent");
    }

    @Override
    public Map<String, String> headers() {
        return headers;
    }

    @Override
    List<UnsupportedField> unsupported(ObjectNode chat) {
        return ChatAsGemini.unsupported(chat);
    }

    @Override
    ObjectNode translate(ObjectNode chat) {
        return ChatAsGemini.of(chat);
    }

    @Override
    ChunkTranslation chunks() {
        return new GeminiChunks();
    }

    @Override
    byte[] translatedReply(byte[] body) {
        return GeminiAsChat.of(body);
    }

    @Override
    public byte[] errorBody(byte[] body) {
        return GeminiAsChat.error(body);
    }

    @Override
    public Optional<String> retryAfter(byte[] body) {
        return GeminiAsChat.retryAfter(body);
    }
}
