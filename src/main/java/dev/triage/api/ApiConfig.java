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

    /**
     * Largest request line (method, URL, version) and largest total of the request's headers: beyond them 414 and 431
     * in OpenAI's error format. The HTTP layer's own limits ({@code quarkus.http.limits.max-initial-line-length},
     * {@code max-header-size}) are set higher, as memory guards that answer without a body.
     */
    @WithDefault("8K")
    MemorySize maxUrlLength();

    @WithDefault("32K")
    MemorySize maxHeaderSize();
}
