package dev.triage.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * One request as the ledger keeps it: who asked (key), how it was routed, which model answered after which attempts,
 * the tokens the upstream reported (or the gateway counted, when none were reported: {@code usageEstimated}), what it cost and what the route's strong model would have cost, how long it took and
 * how it ended. No prompt text. {@code id} is the gateway's own, so that a retried batch never writes a row twice.
 */
public record LedgerRow(
        UUID id,
        Instant at,
        String requestId,
        String keyId,
        String route,
        String tier,
        Double strongProbability,
        Double threshold,
        String model,
        String fallback,
        String attempts,
        Long inputTokens,
        Long outputTokens,
        BigDecimal cost,
        BigDecimal strongCost,
        double latencyMillis,
        int status,
        String outcome,
        boolean streamed,
        boolean usageEstimated) {}
