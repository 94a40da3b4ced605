package dev.triage.api;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import dev.triage.access.AdminToken;
import dev.triage.access.Caller;
import dev.triage.access.Gatekeeper;
import io.vertx.ext.web.RoutingContext;

/**
 * Checks who is calling before anything else happens to the request (its body is not read yet): a valid key on every
 * {@code /v1} call (unless the gateway is open), with OpenAI's 401 wording, and the admin token on {@code /admin}. The
 * path is judged in its canonical form, the one the router dispatches. The caller found is kept on the request for the
 * resource, so that a key is checked once per request.
 */
@ApplicationScoped
public class AccessCheck {

    private static final String CALLER = Caller.class.getName();

    private final Gatekeeper gatekeeper;
    private final AdminToken adminToken;

    AccessCheck(Gatekeeper gatekeeper, AdminToken adminToken) {
        this.gatekeeper = gatekeeper;
        this.adminToken = adminToken;
    }

    @ServerRequestFilter(preMatching = true)
    public void check(RoutingContext context) {
        String path = CanonicalPath.of(context.request().path());
        String authorization = context.request().getHeader("Authorization");
        if (CanonicalPath.isUnder(path, "/v1")) {
            context.put(CALLER, gatekeeper.authenticate(authorization));
        } else if (CanonicalPath.isUnder(path, "/admin")) {
            adminToken.check(authorization);
        }
    }

    /** The caller this filter authenticated for the request. */
    static Caller callerOf(RoutingContext context) {
        return context.get(CALLER);
    }
}
