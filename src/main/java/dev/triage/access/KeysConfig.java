package dev.triage.access;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Who may call the gateway: keys from configuration, virtual keys from the database, and the operators' token. */
@ConfigMapping(prefix = "triage")
public interface KeysConfig {

    /**
     * Static keys a client may present as {@code Authorization: Bearer <key>} (no budgets or limits; virtual keys have
     * them). With none here and no virtual key, the gateway is open (the demo), and says so at startup.
     */
    Optional<List<String>> apiKeys();

    /**
     * Refuse keyless requests even while no key is known (e.g. at startup, before the virtual keys are loaded): set it
     * in production, so that a restart never opens the gateway.
     */
    @WithDefault("false")
    boolean requireKeys();

    /** Operators' token for {@code /admin} ({@code TRIAGE_ADMIN_TOKEN}); unset: the admin API is off. */
    Optional<String> adminToken();

    /**
     * Output tokens reserved against a hard budget or a tokens-per-minute limit for a request that sets no
     * {@code max_tokens}: an answer longer than this can overspend the budget by the difference.
     */
    @WithDefault("4096")
    long reservedOutputTokens();

    /** How often virtual keys and their spend are reloaded from the database (other replicas' changes). */
    @WithDefault("10s")
    Duration keyRefresh();
}
