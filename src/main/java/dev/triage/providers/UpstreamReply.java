package dev.triage.providers;

import dev.triage.openai.Usage;

/** A successful upstream answer, its body exactly as the upstream sent it, and the tokens it reports. */
public record UpstreamReply(int status, String contentType, byte[] body, Usage usage) {}
