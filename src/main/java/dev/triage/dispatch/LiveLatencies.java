package dev.triage.dispatch;

import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.triage.ledger.LedgerRow;
import dev.triage.ledger.RequestFinished;
import dev.triage.routing.LatencyTrend;
import dev.triage.routing.ModelLatencies;

/**
 * Each model's latency from the answers it gave on this replica: the whole request as the client waited for it, first
 * model to answer only (a fallback's time includes the failed tries), successful answers with a token count only.
 */
@ApplicationScoped
class LiveLatencies implements ModelLatencies {

    /** About how many recent answers each model's estimate follows. */
    private static final int WINDOW = 100;

    private final Map<String, LatencyTrend> trends = new ConcurrentHashMap<>();

    void observe(@Observes RequestFinished finished) {
        LedgerRow row = finished.row();
        if (row.model() != null && row.fallback() == null && row.status() == 200 && row.outputTokens() != null) {
            trends.computeIfAbsent(row.model(), model -> new LatencyTrend(WINDOW))
                    .add(row.outputTokens(), row.latencyMillis());
        }
    }

    @Override
    public OptionalDouble expectedMillis(String model, long outputTokens) {
        LatencyTrend trend = trends.get(model);
        return trend == null ? OptionalDouble.empty() : trend.expectedMillis(outputTokens);
    }
}
