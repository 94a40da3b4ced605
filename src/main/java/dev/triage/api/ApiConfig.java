package dev.triage.api;

import java.util.List;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits of the OpenAI-facing API. */
@ConfigMapping(prefix = "triage")
public interface ApiConfig {

    /** Largest request body accepted; 8 MiB holds long contexts and a few inline images. */
    @WithDefault("8M")
    MemorySize maxBodySize();

    /**
     * Keys a client must present as {@code Authorization: Bearer <key>} on {@code /v1/*}. None set: the gateway is open
     * (the demo), and says so at startup.
     */
    Optional<List<String>> apiKeys();
}
