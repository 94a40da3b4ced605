package dev.triage.routing;

/** What learned routes share: the trained heads, the prompt embedder, and what to do while the encoder loads. */
record LearnedRouting(RouterModels models, PromptEmbedder embedder, boolean answersWhileLoading) {}
