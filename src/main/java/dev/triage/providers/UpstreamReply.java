package dev.triage.providers;

import java.util.Locale;
import java.util.Map;

import dev.triage.openai.Usage;

/**
 * A successful upstream answer, its body exactly as the upstream sent it, the tokens it reports, and the upstream's
 * headers a client may act on (see {@link #passedOn}: its rate limits and processing time).
 */
public record UpstreamReply(int status, String contentType, byte[] body, Usage usage, Map<String, String> headers) {

    /** Whether the client gets this upstream header as it came: {@code x-ratelimit-*}, {@code openai-processing-ms}. */
    static boolean passedOn(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.startsWith("x-ratelimit-") || lower.equals("openai-processing-ms");
    }
}
