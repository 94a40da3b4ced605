package dev.triage.ledger;

import jakarta.enterprise.context.ApplicationScoped;

import dev.triage.openai.OpenAiException;

/**
 * Where the ledger's database stands: {@code starting}, {@code ready}, {@code failed} or {@code off}. What needs the
 * database (the admin API, the dashboard) asks {@link #requireReady()} first and answers 503 until it is there.
 */
@ApplicationScoped
public class LedgerStatus {

    private static final String RETRY_SECONDS = "2";

    private volatile String state;
    private volatile String reason;

    LedgerStatus(LedgerConfig config) {
        state = config.enabled() ? "starting" : "off";
        reason = config.enabled() ? "the ledger database is starting" : "triage.ledger.enabled=false";
    }

    public boolean ready() {
        return "ready".equals(state);
    }

    /** Throws the 503 a client should see while the database cannot answer. */
    public void requireReady() {
        switch (state) {
            case "ready" -> {
            }
            case "off" -> throw new OpenAiException(503, "server_error", "ledger_disabled", null,
                    "The ledger is off (triage.ledger.enabled=false): keys, spend and the dashboard need it.");
            default -> throw unavailable(reason, null);
        }
    }

    /** The 503 for a database that failed to answer a query. */
    public OpenAiException unavailable(Throwable failure) {
        return unavailable(failure.getMessage(), failure);
    }

    public String state() {
        return state;
    }

    /** Why the database is not ready. */
    public String reason() {
        return reason;
    }

    void starting(String why) {
        state = "starting";
        reason = why;
    }

    void becameReady() {
        state = "ready";
    }

    void failed(String why) {
        state = "failed";
        reason = why;
    }

    private static OpenAiException unavailable(String why, Throwable cause) {
        return new OpenAiException(503, "server_error", "ledger_unavailable", null,
                "The ledger database cannot answer (" + why + "); retry shortly.", null, cause)
                .withHeader("Retry-After", RETRY_SECONDS);
    }
}
