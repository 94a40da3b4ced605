package dev.triage.access;

import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Requests-per-minute and tokens-per-minute limits of virtual keys, over a sliding minute, in memory (each replica
 * enforces them on its own traffic). Tokens are known after an answer, so a request is admitted while the last
 * minute's tokens are under the limit.
 */
@ApplicationScoped
public class KeyLimits {

    private final Map<UUID, KeyRates> requests = new ConcurrentHashMap<>();
    private final Map<UUID, KeyRates> tokens = new ConcurrentHashMap<>();

    /** Counts a request of {@code key}; or, when a limit is reached, the seconds until it may send again. */
    public OptionalLong admit(VirtualKey key, long nowMillis) {
        KeyRates sent = requests.computeIfAbsent(key.id(), id -> new KeyRates());
        if (key.rpm() != null && sent.total(nowMillis) >= key.rpm()) {
            return OptionalLong.of(sent.secondsUntilRoom(nowMillis));
        }
        KeyRates used = tokens.computeIfAbsent(key.id(), id -> new KeyRates());
        if (key.tpm() != null && used.total(nowMillis) >= key.tpm()) {
            return OptionalLong.of(used.secondsUntilRoom(nowMillis));
        }
        sent.add(1, nowMillis);
        return OptionalLong.empty();
    }

    /**
     * Holds {@code count} tokens of a request about to be sent in its key's last minute; or, when they do not fit under
     * its tokens-per-minute, the seconds until room. A request alone in an empty minute always fits.
     */
    public OptionalLong reserveTokens(VirtualKey key, long count, long nowMillis) {
        if (key.tpm() == null || count == 0) {
            return OptionalLong.empty();
        }
        KeyRates used = tokens.computeIfAbsent(key.id(), id -> new KeyRates());
        synchronized (used) {
            long total = used.total(nowMillis);
            if (total > 0 && total + count > key.tpm()) {
                return OptionalLong.of(used.secondsUntilRoom(nowMillis));
            }
            used.add(count, nowMillis);
        }
        return OptionalLong.empty();
    }

    /** Adds the tokens of an answer to its key's last minute (less what it had reserved: may be negative). */
    public void used(UUID key, long count, long nowMillis) {
        tokens.computeIfAbsent(key, id -> new KeyRates()).add(count, nowMillis);
    }
}
