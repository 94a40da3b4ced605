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
import io.vertx.mutiny.sqlclient.Tuple;

/** What was spent over a time window, per route and model, against what always sending to the strong model would cost. */
@ApplicationScoped
public class SpendReport {

    private static final String BY_ROUTE_AND_MODEL = """
            SELECT coalesce(route, '') AS route, coalesce(model, '') AS model, count(*) AS requests,
                   count(*) FILTER (WHERE tier = 'strong') AS strong_requests,
                   count(*) FILTER (WHERE status >= 400) AS failed_requests,
                   coalesce(sum(input_tokens), 0) AS input_tokens, coalesce(sum(output_tokens), 0) AS output_tokens,
                   coalesce(sum(cost_usd), 0) AS cost_usd, coalesce(sum(strong_cost_usd), 0) AS strong_cost_usd
            FROM ledger WHERE at >= $1 AND at < $2
            GROUP BY 1, 2 ORDER BY 1, 2""";

    /** One route and model over the window; {@code strongShare} is the share of its requests routed to the strong tier. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Line(
            String route,
            String model,
            long requests,
            long strongRequests,
            long failedRequests,
            long inputTokens,
            long outputTokens,
            BigDecimal costUsd,
            BigDecimal strongCostUsd,
            BigDecimal savingsUsd,
            double strongShare) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Summary(
            Instant since,
            Instant until,
            long requests,
            BigDecimal costUsd,
            BigDecimal strongCostUsd,
            BigDecimal savingsUsd,
            List<Line> lines) {}

    private final Pool pool;

    SpendReport(Pool pool) {
        this.pool = pool;
    }

    public Uni<Summary> between(Instant since, Instant until) {
        return pool.preparedQuery(BY_ROUTE_AND_MODEL)
                .execute(Tuple.of(since.atOffset(ZoneOffset.UTC), until.atOffset(ZoneOffset.UTC)))
                .map(rows -> {
                    List<Line> lines = new ArrayList<>();
                    for (Row row : rows) {
                        lines.add(line(row));
                    }
                    BigDecimal cost = lines.stream().map(Line::costUsd).reduce(BigDecimal.ZERO, BigDecimal::add);
                    BigDecimal strong =
                            lines.stream().map(Line::strongCostUsd).reduce(BigDecimal.ZERO, BigDecimal::add);
                    return new Summary(
                            since,
                            until,
                            lines.stream().mapToLong(Line::requests).sum(),
                            cost,
                            strong,
                            strong.subtract(cost),
                            lines);
                });
    }

    private static Line line(Row row) {
        long requests = row.getLong("requests");
        long strongRequests = row.getLong("strong_requests");
        BigDecimal cost = row.getBigDecimal("cost_usd");
        BigDecimal strongCost = row.getBigDecimal("strong_cost_usd");
        return new Line(
                row.getString("route"),
                row.getString("model"),
                requests,
                strongRequests,
                row.getLong("failed_requests"),
                row.getLong("input_tokens"),
                row.getLong("output_tokens"),
                cost,
                strongCost,
                strongCost.subtract(cost),
                requests == 0 ? 0 : (double) strongRequests / requests);
    }
}
