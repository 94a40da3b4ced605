package dev.triage.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/** Reads the ledger as the tests check it. */
public final class LedgerRows {

    private LedgerRows() {}

    /** The ledger row of a request, waiting for the writer (rows are written after the response). */
    public static Row rowOf(Pool pool, String requestId) {
        return rowsOf(pool, requestId, 1).getFirst();
    }

    /** The {@code count} ledger rows of a request (a row per answer a cascade paid for), waiting for the writer. */
    public static List<Row> rowsOf(Pool pool, String requestId, int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            RowSet<Row> rows = null;
            try {
                rows = pool.preparedQuery("SELECT * FROM ledger WHERE request_id = $1")
                        .execute(Tuple.of(requestId))
                        .await()
                        .atMost(Duration.ofSeconds(5));
            } catch (RuntimeException notYet) {
                // the database is starting or its schema is not migrated yet
            }
            if (rows != null && rows.size() >= count) {
                assertThat(rows.size()).isEqualTo(count);
                List<Row> found = new ArrayList<>();
                rows.forEach(found::add);
                return found;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        throw new AssertionError("fewer than " + count + " ledger rows for " + requestId);
    }

    /** Whether a row for the request is there now (no waiting). */
    public static boolean exists(Pool pool, String requestId) {
        return pool.preparedQuery("SELECT 1 FROM ledger WHERE request_id = $1")
                        .execute(Tuple.of(requestId))
                        .await()
                        .atMost(Duration.ofSeconds(5))
                        .size()
                > 0;
    }
}
