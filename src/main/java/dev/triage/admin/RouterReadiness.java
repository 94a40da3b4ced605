package dev.triage.admin;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import dev.triage.routing.RouteTable;
import dev.triage.routing.RouterService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

/**
 * Ready once the learned router's encoder is loaded (when a route uses it); down, with the reason, if it failed. With
 * {@code while-loading: strong} it is ready while the encoder loads, since learned routes answer (with their strong
 * model) from the start: a scale-from-zero platform must send traffic at once.
 */
@Readiness
@ApplicationScoped
public class RouterReadiness implements HealthCheck {

    private final RouteTable routes;
    private final Instance<RouterService> router;

    RouterReadiness(RouteTable routes, Instance<RouterService> router) {
        this.routes = routes;
        this.router = router;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("learned-router");
        if (!routes.usesLearnedRouter()) {
            return response.up().withData("learned-routes", false).build();
        }
        RouterService service = router.get();
        response.withData("version", service.router().manifest().version())
                .withData("encoder", service.router().manifest().encoder())
                .withData("inference-failures", service.failures())
                .withData("cache-hits", service.cacheHits());
        if (service.ready()) {
            return response.up().build();
        }
        if (service.loading() && service.answersWhileLoading()) {
            return response.up().withData("state", "encoder loading; learned routes answer with their strong model")
                    .build();
        }
        String failure = service.failure();
        return response.down().withData("reason", failure != null ? failure : "encoder still loading").build();
    }
}
