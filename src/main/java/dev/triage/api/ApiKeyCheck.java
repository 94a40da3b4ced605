package dev.triage.api;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import dev.triage.dispatch.Gatekeeper;
import io.vertx.core.http.HttpServerRequest;

/** Requires a valid key on every {@code /v1} call (unless the gateway is open), with OpenAI's 401 wording. */
@ApplicationScoped
public class ApiKeyCheck {

    private final Gatekeeper gatekeeper;

    ApiKeyCheck(Gatekeeper gatekeeper) {
        this.gatekeeper = gatekeeper;
    }

    @ServerRequestFilter(preMatching = true)
    public void check(HttpServerRequest request) {
        if (request.path().startsWith("/v1/")) {
            gatekeeper.authenticate(request.getHeader("Authorization"));
        }
    }
}
