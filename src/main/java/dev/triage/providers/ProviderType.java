package dev.triage.providers;

/** The API an upstream speaks: {@code type} of a provider in {@code triage.providers}. */
public enum ProviderType {
    /** OpenAI's API or a compatible one (vLLM, Ollama, Together, Groq, Azure OpenAI's v1 API...): passed through. */
    OPENAI,
    /** Azure OpenAI's deployment URLs: {@code deployments/{model}/...?api-version=}, an {@code api-key} header. */
    AZURE_OPENAI,
    /** Anthropic's Messages API: translated from and to Chat Completions. */
    ANTHROPIC,
    /** Google's Gemini API ({@code generateContent}): translated from and to Chat Completions. */
    GEMINI
}
