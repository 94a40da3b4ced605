package dev.triage.database;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import dev.triage.openai.OpenAiException;

/**
 * Where the database stands. What needs it (the admin API, the dashboard) asks {@link #requireReady()} first and
 * answers 503 until it is there.
 */
@ApplicationScoped
public class DatabaseStatus {

    public enum State {
        STARTING,
        READY,
        FAILED,
        OFF;

        /** As readiness data shows it. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final String RETRY_SECONDS = "2";

    private volatile State state;
    private volatile String reason;

    DatabaseStatus(DatabaseConfig config) {
        state = config.enabled() ? State.STARTING : State.OFF;
        reason = config.enabled() ? "the ledger database is starting" : "triage.ledger.enabled=false";
    }

    public boolean ready() {
        return state == State.READY;
    }

    /** Throws the 503 a client should see while the database cannot answer. */
    public void requireReady() {
        switch (state) {
            case READY -> {}
            case OFF ->
                throw new OpenAiException(
                        503,
                        "server_error",
                        "ledger_disabled",
                        null,
                        "The ledger is off (triage.ledger.enabled=false): keys, spend and the dashboard need it.");
            default -> throw unavailable(reason, null);
        }
    }

    /**
     * The 503 for a database that failed to answer a query. The database's own message (which may quote SQL) stays in
     * the cause, which the error mapper logs; the client is not shown it.
     */
    public OpenAiException unavailable(Throwable failure) {
        return unavailable("a query failed", failure);
    }

    public State state() {
        return state;
    }

    /** Why the database is not ready. */
    public String reason() {
        return reason;
    }

    void starting(String why) {
        state = State.STARTING;
        reason = why;
    }

    void becameReady() {
        state = State.READY;
    }

    void failed(String why) {
        state = State.FAILED;
        reason = why;
    }

    private static OpenAiException unavailable(String why, Throwable cause) {
        return new OpenAiException(
                        503,
                        "server_error",
                        "ledger_unavailable",
                        null,
                        "The ledger database cannot answer (" + why + "); retry shortly.",
                        null,
                        cause)
                .withHeader("Retry-After", RETRY_SECONDS);
    }
}
