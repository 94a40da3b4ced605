package dev.triage.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/** The ledger read for the operators' dashboard: requests by route and tier, fallbacks, and the latest decisions. */
@ApplicationScoped
public class RecentActivity {

    private static final String ROUTES = """
            SELECT coalesce(route, '') AS route, count(*) AS requests,
                   count(*) FILTER (WHERE tier = 'strong') AS strong, count(*) FILTER (WHERE tier = 'weak') AS weak,
                   count(*) FILTER (WHERE fallback IS NOT NULL) AS fallbacks,
                   coalesce(sum(cost_usd), 0) AS cost_usd, coalesce(sum(strong_cost_usd), 0) AS strong_cost_usd
            FROM ledger WHERE at >= $1 GROUP BY 1 ORDER BY 1""";
    private static final String DECISIONS = """
            SELECT at, coalesce(route, '') AS route, tier, strong_probability, threshold, model, fallback, status, latency_ms
            FROM ledger WHERE at >= $1 ORDER BY at DESC LIMIT 20""";

    /** One route's traffic ({@code ""}: models named directly). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record RouteActivity(
            String route,
            long requests,
            long strong,
            long weak,
            long fallbacks,
            BigDecimal costUsd,
            BigDecimal strongCostUsd,
            BigDecimal savingsUsd) {}

    /** A recent decision, without the prompt. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Decision(
            Instant at,
            String route,
            String tier,
            Double strongProbability,
            Double threshold,
            String model,
            String fallback,
            int status,
            double latencyMs) {}

    private final Pool pool;

    RecentActivity(Pool pool) {
        this.pool = pool;
    }

    public Uni<List<RouteActivity>> routesSince(Instant since) {
        return query(ROUTES, since).map(rows -> {
            List<RouteActivity> routes = new ArrayList<>();
            for (Row row : rows) {
                BigDecimal cost = row.getBigDecimal("cost_usd");
                BigDecimal strongCost = row.getBigDecimal("strong_cost_usd");
                routes.add(new RouteActivity(
                        row.getString("route"),
                        row.getLong("requests"),
                        row.getLong("strong"),
                        row.getLong("weak"),
                        row.getLong("fallbacks"),
                        cost,
                        strongCost,
                        strongCost.subtract(cost)));
            }
            return routes;
        });
    }

    public Uni<List<Decision>> decisionsSince(Instant since) {
        return query(DECISIONS, since).map(rows -> {
            List<Decision> decisions = new ArrayList<>();
            for (Row row : rows) {
                decisions.add(new Decision(
                        row.getOffsetDateTime("at").toInstant(),
                        row.getString("route"),
                        row.getString("tier"),
                        row.getDouble("strong_probability"),
                        row.getDouble("threshold"),
                        row.getString("model"),
                        row.getString("fallback"),
                        row.getInteger("status"),
                        row.getDouble("latency_ms")));
            }
            return decisions;
        });
    }

    private Uni<RowSet<Row>> query(String sql, Instant since) {
        return pool.preparedQuery(sql).execute(Tuple.of(since.atOffset(ZoneOffset.UTC)));
    }
}
