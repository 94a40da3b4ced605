package dev.triage.access;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A virtual API key as stored (a row of {@code api_key}, {@link KeyRows}): never the key itself, only its SHA-256 and its
 * first characters.
 */
public class ApiKey {

    public UUID id;

    public String name;

    public String keyHash;

    public String keyPrefix;

    /** Comma-separated route names this key may use; null: all. */
    public String allowedRoutes;

    /** Comma-separated model names this key may call directly; null: all. */
    public String allowedModels;

    public BigDecimal budgetUsd;

    public String budgetPeriod;

    public String budgetMode;

    public Integer rpm;

    public Integer tpm;

    /** Whether RouteLLM-style names may set this key's threshold; null: only when it has no budget. */
    public Boolean allowThresholdOverride;

    public Instant createdAt;

    public Instant revokedAt;
}
