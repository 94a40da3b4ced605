package dev.triage.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** What one key has spent since an instant, summed from its ledger rows. */
@ApplicationScoped
public class KeySpend {

    private static final String SPENT_SINCE =
            "SELECT coalesce(sum(cost_usd), 0) AS spent FROM ledger WHERE key_id = $1 AND at >= $2";

    private final Pool pool;

    KeySpend(Pool pool) {
        this.pool = pool;
    }

    /** {@code keyId} as the ledger records it ({@link LedgerRow#keyId()}). */
    public Uni<BigDecimal> since(String keyId, Instant start) {
        return pool.preparedQuery(SPENT_SINCE)
                .execute(Tuple.of(keyId, start.atOffset(ZoneOffset.UTC)))
                .map(rows -> rows.iterator().next().getBigDecimal("spent"));
    }
}
