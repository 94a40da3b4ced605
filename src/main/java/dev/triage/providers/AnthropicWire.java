package dev.triage.providers;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.triage.anthropic.ChatAsMessages;
import dev.triage.anthropic.MessageAsChat;
import dev.triage.anthropic.MessageEventsAsChunks;
import dev.triage.openai.ChunkTranslation;
import dev.triage.openai.UnsupportedField;
import dev.triage.openai.Usage;

/**
 * Anthropic's Messages API: {@code POST messages}, {@code x-api-key} and {@code anthropic-version}; a request that came
 * in on {@code /v1/messages} goes as the client wrote it (prompt caching, thinking, documents kept), and so comes back.
 */
final class AnthropicWire extends TranslatedWire {

    static final String API_VERSION = "2023-06-01";

    private final Map<String, String> headers;
    private final int defaultMaxTokens;

    AnthropicWire(String provider, UnsupportedParams policy, String apiKey, String apiVersion, int defaultMaxTokens) {
        super(provider, policy);
        this.headers = apiKey == null
                ? Map.of("anthropic-version", apiVersion)
                : Map.of("x-api-key", apiKey, "anthropic-version", apiVersion);
        this.defaultMaxTokens = defaultMaxTokens;
    }

    @Override
    String api() {
        return "Anthropic's Messages API";
    }

    @Override
    public UpstreamPath path(Endpoint endpoint, String model, boolean streamed) {
        return UpstreamPath.of("messages");
    }

    @Override
    public Map<String, String> headers() {
        return headers;
    }

    @Override
    List<UnsupportedField> unsupported(ObjectNode chat) {
        return ChatAsMessages.unsupported(chat);
    }

    @Override
    ObjectNode translate(ObjectNode chat) {
        return ChatAsMessages.of(chat, defaultMaxTokens);
    }

    @Override
    ChunkTranslation chunks() {
        return new MessageEventsAsChunks();
    }

    @Override
    public boolean speaks(Endpoint endpoint) {
        return endpoint == Endpoint.MESSAGES;
    }

    @Override
    byte[] translatedReply(byte[] body) {
        return MessageAsChat.of(body);
    }

    @Override
    public Usage usage(Endpoint endpoint, ObjectNode answer) {
        return speaks(endpoint) ? MessageAsChat.usageOf(answer.path("usage")) : Usage.of(answer);
    }

    @Override
    public Usage usageOfEvent(Endpoint endpoint, String data) {
        return speaks(endpoint) ? MessageAsChat.usageOfEvent(data) : Usage.fromEvent(data);
    }

    @Override
    public byte[] errorBody(byte[] body) {
        return MessageAsChat.error(body);
    }
}
