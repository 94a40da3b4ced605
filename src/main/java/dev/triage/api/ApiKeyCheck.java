package dev.triage.api;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import dev.triage.access.Caller;
import dev.triage.access.Gatekeeper;
import io.vertx.ext.web.RoutingContext;

/**
 * Requires a valid key on every {@code /v1} call (unless the gateway is open), with OpenAI's 401 wording, and keeps the
 * caller it found on the request for the resource, so that a key is checked once per request.
 */
@ApplicationScoped
public class ApiKeyCheck {

    private static final String CALLER = Caller.class.getName();

    private final Gatekeeper gatekeeper;

    ApiKeyCheck(Gatekeeper gatekeeper) {
        this.gatekeeper = gatekeeper;
    }

    @ServerRequestFilter(preMatching = true)
    public void check(RoutingContext context) {
        if (context.request().path().startsWith("/v1/")) {
            context.put(CALLER, gatekeeper.authenticate(context.request().getHeader("Authorization")));
        }
    }

    /** The caller this filter authenticated for the request. */
    static Caller callerOf(RoutingContext context) {
        return context.get(CALLER);
    }
}
