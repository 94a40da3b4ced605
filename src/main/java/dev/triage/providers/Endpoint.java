package dev.triage.providers;

/** The OpenAI endpoints the gateway forwards, by their path below the provider's base URL. */
public enum Endpoint {
    CHAT_COMPLETIONS("chat/completions"),
    COMPLETIONS("completions"),
    EMBEDDINGS("embeddings");

    private final String path;

    Endpoint(String path) {
        this.path = path;
    }

    public String path() {
        return path;
    }
}
