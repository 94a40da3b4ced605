package dev.triage.access;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A virtual API key as stored: never the key itself, only its SHA-256 and its first characters. */
@Entity
@Table(name = "api_key")
public class ApiKey extends PanacheEntityBase {

    @Id
    public UUID id;

    public String name;

    @Column(name = "key_hash")
    public String keyHash;

    @Column(name = "key_prefix")
    public String keyPrefix;

    /** Comma-separated route names this key may use; null: all. */
    @Column(name = "allowed_routes")
    public String allowedRoutes;

    /** Comma-separated model names this key may call directly; null: all. */
    @Column(name = "allowed_models")
    public String allowedModels;

    @Column(name = "budget_usd")
    public BigDecimal budgetUsd;

    @Column(name = "budget_period")
    public String budgetPeriod;

    @Column(name = "budget_mode")
    public String budgetMode;

    public Integer rpm;

    public Integer tpm;

    /** Whether RouteLLM-style names may set this key's threshold; null: only when it has no budget. */
    @Column(name = "allow_threshold_override")
    public Boolean allowThresholdOverride;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;
}
