package dev.triage.providers;

/**
 * The endpoints the gateway forwards, by their path below the provider's base URL: OpenAI's, and Anthropic's Messages
 * API for a request that came in on it and goes to a provider that speaks it natively.
 */
public enum Endpoint {
    CHAT_COMPLETIONS("chat/completions"),
    COMPLETIONS("completions"),
    EMBEDDINGS("embeddings"),
    MESSAGES("messages");

    private final String path;

    Endpoint(String path) {
        this.path = path;
    }

    public String path() {
        return path;
    }
}
