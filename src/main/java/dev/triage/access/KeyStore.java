package dev.triage.access;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.triage.database.DatabaseConfig;
import dev.triage.database.DatabaseReady;
import dev.triage.ledger.KeySpend;
import dev.triage.ledger.LedgerRowsWritten;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * Virtual API keys: created, listed and revoked in the database ({@link KeyRows}), checked on every request from an in-memory copy keyed
 * by the key's SHA-256 (never the key), reloaded from the database with each key's spend in its budget period.
 */
@ApplicationScoped
public class KeyStore {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A key just created: the secret is shown once, here, and never stored. */
    public record Created(ApiKey key, String secret) {}

    private final KeyRows rows;
    private final KeySpend spend;
    private final Duration refreshInterval;
    private final Map<UUID, BigDecimal> spent = new ConcurrentHashMap<>();
    /** Charges of rows not in the ledger's database yet, by row: a reload's sum does not hold them. */
    private final Map<UUID, Charge> unwritten = new ConcurrentHashMap<>();

    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(
            task -> Thread.ofPlatform().daemon().name("triage-keys").unstarted(task));
    private volatile Map<String, VirtualKey> byHash = Map.of();
    /**
     * Counts the keys created or revoked on this replica: a reload that read the database before such a change was
     * committed must not publish what it read, or the change would be undone until the next reload.
     */
    private long changes;

    private volatile boolean loaded;
    private volatile boolean issued;

    KeyStore(KeyRows rows, KeySpend spend, KeysConfig config, DatabaseConfig database) {
        this.rows = rows;
        this.spend = spend;
        this.refreshInterval = config.keyRefresh();
        this.loaded = !database.enabled();
    }

    /** The live virtual key with this secret, if any. */
    public Optional<VirtualKey> find(String secret) {
        return Optional.ofNullable(byHash.get(hash(secret)));
    }

    /** Whether the keys have been read from the database at least once (always, without a database: none to read). */
    public boolean loaded() {
        return loaded;
    }

    /**
     * Whether any virtual key was ever created, revoked ones included: revoking the last key must not open the gateway
     * again.
     */
    public boolean issued() {
        return issued;
    }

    /** What a key has spent in its current budget period (this replica's view, refreshed from the ledger). */
    public BigDecimal spent(UUID key) {
        return spent.getOrDefault(key, BigDecimal.ZERO);
    }

    private record Charge(UUID key, BigDecimal cost) {}

    /**
     * Adds a request's cost to its key's spend at once, ahead of the next reload, and keeps counting it on top of what
     * reloads read until its ledger row {@code rowId} is in the database.
     */
    public void charge(UUID key, UUID rowId, BigDecimal cost) {
        unwritten.put(rowId, new Charge(key, cost));
        spent.merge(key, cost, BigDecimal::add);
    }

    public Uni<Created> create(ApiKey key) {
        String secret = "sk-triage-" + HexFormat.of().formatHex(bytes(24));
        key.id = UUID.randomUUID();
        key.keyHash = hash(secret);
        key.keyPrefix = secret.substring(0, 14);
        key.createdAt = Instant.now();
        return rows.insert(key).map(saved -> {
            issued = true;
            changed(keys -> keys.put(key.keyHash, VirtualKey.of(key)));
            return new Created(key, secret);
        });
    }

    /** Every stored key, revoked ones included, oldest first. */
    public Uni<List<ApiKey>> list() {
        return rows.all();
    }

    /** Revokes a key at once on this replica (others within {@code key-refresh}); false when there is no such key. */
    public Uni<Boolean> revoke(UUID id) {
        return rows.revoke(id, Instant.now()).invoke(revoked -> {
            if (revoked) {
                changed(keys -> keys.values().removeIf(key -> key.id().equals(id)));
            }
        });
    }

    /** Loads the keys now, then every {@code key-refresh}, once the schema is in place. */
    void startRefreshing(@Observes DatabaseReady ready) {
        refresher.scheduleWithFixedDelay(this::refresh, 0, refreshInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void refresh() {
        try {
            long changesBefore = changesSoFar();
            List<ApiKey> all = rows.all().await().atMost(Duration.ofSeconds(10));
            List<ApiKey> live =
                    all.stream().filter(key -> key.revokedAt == null).toList();
            Instant now = Instant.now();
            for (ApiKey key : live) {
                VirtualKey virtual = VirtualKey.of(key);
                if (virtual.budgetUsd() != null) {
                    BigDecimal recorded = spend.since(
                                    key.id.toString(), virtual.period().start(now))
                            .await()
                            .atMost(Duration.ofSeconds(10));
                    spent.put(key.id, recorded.add(unwrittenOf(key.id)));
                }
            }
            Map<String, VirtualKey> read =
                    live.stream().collect(Collectors.toUnmodifiableMap(key -> key.keyHash, VirtualKey::of));
            synchronized (this) {
                if (changes != changesBefore) {
                    return; // the next reload reads what this one missed
                }
                byHash = read;
            }
            issued = !all.isEmpty();
            if (!loaded) {
                Log.infof("%d virtual API keys loaded", live.size());
            }
            loaded = true;
        } catch (Throwable e) {
            Log.warnf("Virtual API keys not reloaded (%s); keeping the last copy", e.getMessage());
        }
    }

    void written(@Observes LedgerRowsWritten rows) {
        rows.rowIds().forEach(unwritten::remove);
    }

    private BigDecimal unwrittenOf(UUID key) {
        return unwritten.values().stream()
                .filter(charge -> charge.key().equals(key))
                .map(Charge::cost)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Applies a change committed on this replica to the keys in memory. */
    private synchronized void changed(Consumer<Map<String, VirtualKey>> change) {
        Map<String, VirtualKey> copy = new HashMap<>(byHash);
        change.accept(copy);
        byHash = Map.copyOf(copy);
        changes++;
    }

    private synchronized long changesSoFar() {
        return changes;
    }

    private static byte[] bytes(int count) {
        byte[] random = new byte[count];
        RANDOM.nextBytes(random);
        return random;
    }

    /** The SHA-256 of a key, in hex: all that is ever stored or logged of it. */
    public static String hash(String secret) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(secret.strip().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
