package dev.triage.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import dev.triage.access.AdminToken;
import dev.triage.access.Caller;
import dev.triage.access.Gatekeeper;
import dev.triage.simulator.SimulatorConfig;
import io.vertx.ext.web.RoutingContext;

/**
 * Checks who is calling before anything else happens to the request (its body is not read yet): a valid key on every
 * {@code /v1} call (as {@code Authorization: Bearer}, or Anthropic's {@code x-api-key}; unless the gateway is open), with OpenAI's 401 wording, the same or the gateway's own simulator token
 * on the simulated upstream ({@code /simulated}), and the admin token on {@code /admin}. The
 * path is judged in its canonical form, the one the router dispatches. The caller found is kept on the request for the
 * resource, so that a key is checked once per request.
 */
@ApplicationScoped
public class AccessCheck {

    private static final String CALLER = Caller.class.getName();

    private final Gatekeeper gatekeeper;
    private final AdminToken adminToken;
    private final byte[] simulatorAuthorization;

    AccessCheck(Gatekeeper gatekeeper, AdminToken adminToken, SimulatorConfig simulator) {
        this.gatekeeper = gatekeeper;
        this.adminToken = adminToken;
        this.simulatorAuthorization = ("Bearer " + simulator.token()).getBytes(StandardCharsets.UTF_8);
    }

    @ServerRequestFilter(preMatching = true)
    public void check(RoutingContext context) {
        String path = CanonicalPath.of(context.request().path());
        String authorization = context.request().getHeader("Authorization");
        if (CanonicalPath.isUnder(path, "/v1")) {
            context.put(CALLER, gatekeeper.authenticate(clientKey(context, authorization)));
        } else if (CanonicalPath.isUnder(path, "/simulated")) {
            if (authorization == null
                    || !MessageDigest.isEqual(simulatorAuthorization, authorization.getBytes(StandardCharsets.UTF_8))) {
                gatekeeper.authenticate(authorization);
            }
        } else if (CanonicalPath.isUnder(path, "/admin")) {
            adminToken.check(authorization);
        }
    }

    /** {@code Authorization}, or Anthropic's {@code x-api-key} as a bearer key when there is none. */
    private static String clientKey(RoutingContext context, String authorization) {
        String apiKey = context.request().getHeader("x-api-key");
        return authorization == null && apiKey != null ? "Bearer " + apiKey : authorization;
    }

    /** The caller this filter authenticated for the request. */
    static Caller callerOf(RoutingContext context) {
        return context.get(CALLER);
    }
}
