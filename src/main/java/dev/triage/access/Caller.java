package dev.triage.access;

import java.util.Optional;
import java.util.UUID;

/**
 * Who sent a request: a virtual key (with its limits), a key from configuration, or anyone when the gateway is open.
 * {@code id} is what the ledger records: the virtual key's id, {@code config:} and a hash prefix for a configured
 * key, {@code null} when open. Never the key itself.
 */
public record Caller(String id, VirtualKey key) {

    static final Caller ANONYMOUS = new Caller(null, null);

    /** The virtual key that pays for the request, if one does. */
    public Optional<UUID> virtualKeyId() {
        return Optional.ofNullable(key).map(VirtualKey::id);
    }
}
