package dev.triage.providers;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.client.ClientResponseFilter;

/**
 * The headers of a streamed answer, which the REST client's event stream does not show: each try carries a token of
 * its own in a header this filter takes off before the request leaves, and the response's headers are kept under it
 * until the try has started (or failed).
 */
final class StreamHeaders implements ClientRequestFilter, ClientResponseFilter {

    static final String TRY_HEADER = "x-triage-try";
    private static final String TRY_PROPERTY = StreamHeaders.class.getName();

    private final Map<String, Map<String, String>> byTry = new ConcurrentHashMap<>();

    static String newTry() {
        return UUID.randomUUID().toString();
    }

    @Override
    public void filter(ClientRequestContext request) {
        Object token = request.getHeaders().getFirst(TRY_HEADER);
        request.getHeaders().remove(TRY_HEADER);
        request.setProperty(TRY_PROPERTY, token);
    }

    @Override
    public void filter(ClientRequestContext request, ClientResponseContext response) {
        // a call that failed before any response (refused, timed out) has no headers
        if (request.getProperty(TRY_PROPERTY) instanceof String token && response.getHeaders() != null) {
            byTry.put(token, UpstreamReply.passedOn(response.getHeaders()));
        }
    }

    /** The headers of the try {@code token}, forgotten here. */
    Map<String, String> take(String token) {
        Map<String, String> headers = byTry.remove(token);
        return headers == null ? Map.of() : headers;
    }
}
