package dev.triage.providers;

/**
 * The endpoints the gateway forwards, by their path below the provider's base URL: OpenAI's, and Anthropic's Messages
 * API and OpenAI's Responses API for a request that came in on one of them and goes to a provider that speaks it.
 */
public enum Endpoint {
    CHAT_COMPLETIONS("chat/completions"),
    COMPLETIONS("completions"),
    EMBEDDINGS("embeddings"),
    MESSAGES("messages"),
    RESPONSES("responses");

    private final String path;

    Endpoint(String path) {
        this.path = path;
    }

    public String path() {
        return path;
    }
}
