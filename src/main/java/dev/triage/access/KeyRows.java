package dev.triage.access;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.sqlclient.data.Numeric;

/**
 * The {@code api_key} table, on the reactive PostgreSQL client the ledger writes with. Each change is one statement, so
 * none needs a transaction.
 */
@ApplicationScoped
class KeyRows {

    private static final String COLUMNS = "id, name, key_hash, key_prefix, allowed_routes, allowed_models, budget_usd, "
            + "budget_period, budget_mode, rpm, tpm, allow_threshold_override, created_at, revoked_at";
    private static final String INSERT = "INSERT INTO api_key (" + COLUMNS
            + ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)";
    private static final String ALL = "SELECT " + COLUMNS + " FROM api_key ORDER BY created_at, id";
    private static final String REVOKE = "UPDATE api_key SET revoked_at = coalesce(revoked_at, $2) WHERE id = $1";

    private final Pool pool;

    KeyRows(Pool pool) {
        this.pool = pool;
    }

    Uni<Void> insert(ApiKey key) {
        return pool.preparedQuery(INSERT)
                .execute(Tuple.from(new Object[] {
                    key.id,
                    key.name,
                    key.keyHash,
                    key.keyPrefix,
                    key.allowedRoutes,
                    key.allowedModels,
                    key.budgetUsd == null ? null : Numeric.create(key.budgetUsd),
                    key.budgetPeriod,
                    key.budgetMode,
                    key.rpm,
                    key.tpm,
                    key.allowThresholdOverride,
                    atUtc(key.createdAt),
                    atUtc(key.revokedAt)
                }))
                .replaceWithVoid();
    }

    /** Every stored key, revoked ones included, oldest first. */
    Uni<List<ApiKey>> all() {
        return pool.query(ALL)
                .execute()
                .map(rows -> StreamSupport.stream(rows.spliterator(), false)
                        .map(KeyRows::key)
                        .toList());
    }

    /** Marks the key revoked at {@code at} unless it already was; false when there is no such key. */
    Uni<Boolean> revoke(UUID id, Instant at) {
        return pool.preparedQuery(REVOKE).execute(Tuple.of(id, atUtc(at))).map(rows -> rows.rowCount() > 0);
    }

    private static ApiKey key(Row row) {
        ApiKey key = new ApiKey();
        key.id = row.getUUID("id");
        key.name = row.getString("name");
        key.keyHash = row.getString("key_hash");
        key.keyPrefix = row.getString("key_prefix");
        key.allowedRoutes = row.getString("allowed_routes");
        key.allowedModels = row.getString("allowed_models");
        key.budgetUsd = row.getBigDecimal("budget_usd");
        key.budgetPeriod = row.getString("budget_period");
        key.budgetMode = row.getString("budget_mode");
        key.rpm = row.getInteger("rpm");
        key.tpm = row.getInteger("tpm");
        key.allowThresholdOverride = row.getBoolean("allow_threshold_override");
        key.createdAt = instant(row.getOffsetDateTime("created_at"));
        key.revokedAt = instant(row.getOffsetDateTime("revoked_at"));
        return key;
    }

    private static OffsetDateTime atUtc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }
}
