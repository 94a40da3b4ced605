package dev.triage.providers;

import java.util.Map;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;

/** Adds a provider's own headers (its credentials, its API version) to every call of its REST client. */
final class WireHeaders implements ClientRequestFilter {

    private final Map<String, String> headers;

    WireHeaders(Map<String, String> headers) {
        this.headers = Map.copyOf(headers);
    }

    @Override
    public void filter(ClientRequestContext request) {
        headers.forEach(request.getHeaders()::putSingle);
    }
}
