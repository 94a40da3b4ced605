package dev.triage.ledger;

import java.util.Optional;
import java.util.UUID;

/**
 * A forwarded request that has ended (answered, failed, or abandoned by its client), fired once: its ledger row, and
 * the virtual key whose spend and rates it counts toward. The ledger, the metrics and the key limits each observe it.
 */
public record RequestFinished(LedgerRow row, Optional<UUID> virtualKey) {

    /** Input and output tokens together, 0 when the upstream reported none. */
    public long tokens() {
        return (row.inputTokens() == null ? 0 : row.inputTokens())
                + (row.outputTokens() == null ? 0 : row.outputTokens());
    }
}
