package dev.triage.ledger;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.triage.database.DatabaseReady;
import dev.triage.telemetry.MetricNames;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.data.Numeric;

/**
 * Writes ledger rows after the response, never on its path: {@link #record} only queues the row. A single writer thread
 * inserts queued rows in batches; while the database is slow or down, the rows wait (the failed batch first, in order)
 * and the writer tries again with a growing delay. A row is lost only when the bounded queue is full, and then it is
 * counted ({@code triage_ledger_dropped_total}). Rows still unwritten at shutdown go to a local spill file, written at
 * the next start. Inserts are idempotent on the row id, so a batch whose success was not acknowledged can be written
 * again safely.
 */
@ApplicationScoped
public class LedgerWriter {

    private static final String INSERT =
            "INSERT INTO ledger (id, at, request_id, key_id, route, tier, strong_probability,"
                    + " threshold, model, fallback, attempts, input_tokens, output_tokens, cost_usd, strong_cost_usd, latency_ms,"
                    + " status, outcome, streamed, usage_estimated) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12,"
                    + " $13, $14, $15, $16, $17, $18, $19, $20) ON CONFLICT (id) DO NOTHING";

    private static final Duration SHUTDOWN_PATIENCE = Duration.ofSeconds(10);

    private final Pool pool;
    private final LedgerConfig config;
    private final LinkedBlockingQueue<LedgerRow> queue;
    private final List<LedgerRow> failed = Collections.synchronizedList(new ArrayList<>());
    private final List<LedgerRow> replaying = Collections.synchronizedList(new ArrayList<>());
    private final LedgerSpill spill;
    private final Event<LedgerRowsWritten> done;
    private final ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor(
            task -> Thread.ofPlatform().daemon().name("triage-ledger").unstarted(task));
    private final AtomicLong written = new AtomicLong();
    private final Counter dropped;
    private final Counter rejected;
    private volatile boolean open;
    private volatile boolean databaseUp;
    private long retryDelayMillis;
    private long nextTryNanos;

    LedgerWriter(
            Pool pool, LedgerConfig config, MeterRegistry metrics, ObjectMapper json, Event<LedgerRowsWritten> done) {
        this.pool = pool;
        this.done = done;
        this.config = config;
        this.spill = new LedgerSpill(Path.of(config.spillFile()), json);
        this.queue = new LinkedBlockingQueue<>(config.bufferSize());
        this.dropped = metrics.counter(MetricNames.LEDGER_DROPPED);
        this.rejected = metrics.counter(MetricNames.LEDGER_REJECTED);
        metrics.gauge(MetricNames.LEDGER_BUFFERED, this, LedgerWriter::buffered);
        metrics.more().counter(MetricNames.LEDGER_WRITTEN, List.of(), written);
        long interval = config.flushInterval().toMillis();
        writer.scheduleWithFixedDelay(this::flushSafely, interval, interval, TimeUnit.MILLISECONDS);
    }

    /** Queues the request's row for writing; never blocks and never fails the caller. */
    void record(@Observes RequestFinished finished) {
        if (!config.enabled()) {
            return;
        }
        if (!queue.offer(finished.row())) {
            dropped.increment();
            done.fire(new LedgerRowsWritten(List.of(finished.row().id())));
        }
    }

    /** Rows waiting to be written. */
    public int buffered() {
        return queue.size() + failed.size() + replaying.size();
    }

    public boolean databaseUp() {
        return databaseUp;
    }

    /** Starts writing, once the schema is in place: first what an earlier run could not write before it stopped. */
    void open(@Observes DatabaseReady ready) {
        if (!open && config.enabled()) {
            List<LedgerRow> spilled = spill.load();
            if (!spilled.isEmpty()) {
                Log.infof("Writing %d ledger rows kept in %s by an earlier run", spilled.size(), spill.file());
                replaying.addAll(spilled);
            }
        }
        open = true;
    }

    /** Writes what is queued, trying for at most {@link #SHUTDOWN_PATIENCE}, before the database stops. */
    void close(@Observes ShutdownEvent event) {
        Duration patience = SHUTDOWN_PATIENCE;
        writer.shutdown();
        try {
            writer.awaitTermination(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long deadline = System.nanoTime() + patience.toNanos();
        nextTryNanos = 0;
        while (open && buffered() > 0 && System.nanoTime() < deadline) {
            if (!flush()) {
                sleep(Math.min(200, retryDelayMillis));
            }
        }
        if (buffered() > 0) {
            keepUnwritten();
        }
    }

    /** Saves every row not written yet to the spill file, for the next start; only if that fails are rows lost. */
    private void keepUnwritten() {
        List<LedgerRow> rows = new ArrayList<>(replaying);
        rows.addAll(failed);
        queue.drainTo(rows);
        try {
            spill.save(rows);
            Log.warnf(
                    "Shutting down with %d ledger rows not written (the database stayed unreachable): kept in %s, "
                            + "written at the next start",
                    rows.size(), spill.file());
        } catch (IOException | RuntimeException e) {
            Log.errorf(
                    e,
                    "Shutting down with %d ledger rows not written, and %s cannot hold them",
                    rows.size(),
                    spill.file());
        }
    }

    private void flushSafely() {
        try {
            if (open && System.nanoTime() >= nextTryNanos) {
                while (flush() && queue.size() >= config.batchSize()) {
                    // a full batch was written and more are waiting: keep going
                }
            }
        } catch (RuntimeException e) {
            Log.error("Ledger writer failed unexpectedly", e);
        }
    }

    /** Writes one batch (the failed one first); false when the database refused it. */
    private boolean flush() {
        boolean replay = failed.isEmpty() && !replaying.isEmpty();
        if (replay) {
            synchronized (replaying) {
                List<LedgerRow> batch = replaying.subList(0, Math.min(config.batchSize(), replaying.size()));
                failed.addAll(batch);
                batch.clear();
            }
        } else if (failed.isEmpty()) {
            queue.drainTo(failed, config.batchSize());
        }
        if (failed.isEmpty()) {
            return true;
        }
        try {
            try {
                insert(failed);
                written.addAndGet(failed.size());
            } catch (PgException refused) {
                if (!Refusal.theRowsFault(refused)) {
                    throw refused;
                }
                insertOneByOne(failed);
            }
            done.fire(new LedgerRowsWritten(failed.stream().map(LedgerRow::id).toList()));
            failed.clear();
            if (replay && replaying.isEmpty()) {
                spillWritten();
            }
            if (!databaseUp) {
                Log.infof("Ledger database reachable; writing %d buffered rows", buffered());
            }
            databaseUp = true;
            retryDelayMillis = 0;
            return true;
        } catch (RuntimeException e) {
            if (databaseUp || retryDelayMillis == 0) {
                Log.warnf("Ledger database unreachable (%s); %d rows buffered, retrying", e.getMessage(), buffered());
            }
            databaseUp = false;
            retryDelayMillis = Math.min(
                    config.maxRetryDelay().toMillis(),
                    Math.max(config.flushInterval().toMillis(), retryDelayMillis * 2));
            nextTryNanos = System.nanoTime() + retryDelayMillis * 1_000_000;
            return false;
        }
    }

    private void spillWritten() {
        try {
            spill.delete();
        } catch (IOException e) {
            Log.warnf(
                    "Ledger rows of %s are written but the file could not be removed: %s",
                    spill.file(), e.getMessage());
        }
    }

    private void insert(List<LedgerRow> rows) {
        pool.preparedQuery(INSERT)
                .executeBatch(rows.stream().map(LedgerWriter::tuple).toList())
                .await()
                .atMost(Duration.ofSeconds(30));
    }

    /**
     * The database refused the batch itself (a value out of a column's range, say), not the connection: each row is
     * written alone, and one the database refuses is set aside (logged with its request id, counted) instead of
     * blocking every row behind it. A connection failure, or a server that cannot take writes now, leaves the batch to
     * be tried again whole.
     */
    private void insertOneByOne(List<LedgerRow> rows) {
        for (LedgerRow row : rows) {
            try {
                insert(List.of(row));
                written.incrementAndGet();
            } catch (PgException refused) {
                if (!Refusal.theRowsFault(refused)) {
                    throw refused; // the whole batch is tried again; rows already written are not doubled (ON CONFLICT)
                }
                rejected.increment();
                Log.warnf(
                        "Ledger row of request %s refused by the database (SQLSTATE %s) and set aside",
                        row.requestId(), refused.getSqlState());
            }
        }
    }

    private static Tuple tuple(LedgerRow row) {
        return Tuple.from(new Object[] {
            row.id(),
            OffsetDateTime.ofInstant(row.at(), ZoneOffset.UTC),
            row.requestId(),
            row.keyId(),
            row.route(),
            row.tier(),
            row.strongProbability(),
            row.threshold(),
            row.model(),
            row.fallback(),
            row.attempts(),
            row.inputTokens(),
            row.outputTokens(),
            numeric(row.cost()),
            numeric(row.strongCost()),
            row.latencyMillis(),
            row.status(),
            row.outcome(),
            row.streamed(),
            row.usageEstimated()
        });
    }

    private static Numeric numeric(BigDecimal value) {
        return value == null ? null : Numeric.create(value);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(Math.max(10, millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
