package dev.triage.api;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits of the OpenAI-facing API. */
@ConfigMapping(prefix = "triage")
public interface ApiConfig {

    /** Largest request body accepted; 8 MiB holds long contexts and a few inline images. */
    @WithDefault("8M")
    MemorySize maxBodySize();
}
