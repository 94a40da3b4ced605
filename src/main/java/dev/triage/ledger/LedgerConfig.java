package dev.triage.ledger;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code triage.ledger.*}: the usage ledger on PostgreSQL. */
@ConfigMapping(prefix = "triage.ledger")
public interface LedgerConfig {

    /**
     * Keep the ledger (and virtual keys, which live in the same database). Off: no database is needed or started
     * ({@code triage.database.enabled} follows it), no row is written, and only static keys authenticate.
     */
    @WithDefault("true")
    boolean enabled();

    /** Rows held in memory while the database is slow or down; beyond it a new row is dropped, and counted. */
    @WithDefault("100000")
    int bufferSize();

    /** Most rows written in one statement. */
    @WithDefault("500")
    int batchSize();

    /** How often buffered rows are written. */
    @WithDefault("200ms")
    Duration flushInterval();

    /** Longest wait between two tries while the database is down (the wait doubles from the flush interval). */
    @WithDefault("5s")
    Duration maxRetryDelay();

    /**
     * Where rows still unwritten at shutdown (the database down) are kept, to be written at the next start; on a
     * persistent volume in production.
     */
    String spillFile();
}
