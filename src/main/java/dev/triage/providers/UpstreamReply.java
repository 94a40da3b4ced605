package dev.triage.providers;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import dev.triage.openai.Usage;

/**
 * A successful upstream answer, its body exactly as the upstream sent it, the tokens it reports, and the upstream's
 * headers a client may act on (see {@link #passedOn(Iterable)}: its rate limits and processing time).
 */
public record UpstreamReply(int status, String contentType, byte[] body, Usage usage, Map<String, String> headers) {

    /**
     * The upstream headers the client gets as they came ({@code x-ratelimit-*}, {@code openai-processing-ms}), by
     * lower-case name, the first value of each.
     */
    static Map<String, String> passedOn(Iterable<Map.Entry<String, String>> headers) {
        Map<String, String> kept = new TreeMap<>();
        headers.forEach(header -> {
            String lower = header.getKey().toLowerCase(Locale.ROOT);
            if (lower.startsWith("x-ratelimit-") || lower.equals("openai-processing-ms")) {
                kept.putIfAbsent(lower, header.getValue());
            }
        });
        return Map.copyOf(kept);
    }
}
