package dev.triage.admin;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import dev.triage.ledger.RecentActivity;
import dev.triage.providers.ProviderRegistry;
import dev.triage.routing.RouteTable;
import io.smallrye.mutiny.Uni;

/**
 * What the operators' dashboard shows, from the ledger, the routes and the providers: traffic by route and tier with
 * each route's strong-share target, spend and savings, fallbacks, circuit breakers, and the latest decisions.
 */
@ApplicationScoped
public class OperatorView {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Snapshot(
            Instant since,
            List<RecentActivity.RouteActivity> routes,
            Map<String, Double> strongShareTargets,
            Map<String, String> circuits,
            List<RecentActivity.Decision> recent) {}

    private final RecentActivity activity;
    private final RouteTable routes;
    private final ProviderRegistry providers;

    OperatorView(RecentActivity activity, RouteTable routes, ProviderRegistry providers) {
        this.activity = activity;
        this.routes = routes;
        this.providers = providers;
    }

    public Uni<Snapshot> last(Duration window) {
        Instant since = Instant.now().minus(window);
        Map<String, String> circuits = new TreeMap<>();
        providers.providers().forEach((name, provider) -> circuits.put(name, provider.circuit()));
        return activity.routesSince(since)
                .flatMap(traffic -> activity.decisionsSince(since)
                        .map(recent -> new Snapshot(since, traffic, routes.strongShareTargets(), circuits, recent)));
    }
}
