package dev.triage.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.triage.ledger.RequestFinished;

/** Charges a finished request to its virtual key at once: its cost to the budget, its tokens to the tokens-per-minute. */
@ApplicationScoped
class KeySpendCharger {

    private final KeyStore keys;
    private final KeyLimits limits;

    KeySpendCharger(KeyStore keys, KeyLimits limits) {
        this.keys = keys;
        this.limits = limits;
    }

    void charge(@Observes RequestFinished finished) {
        finished.virtualKey().ifPresent(key -> {
            if (finished.row().cost() != null) {
                keys.charge(key, finished.row().cost());
            }
            limits.used(key, finished.tokens(), System.currentTimeMillis());
        });
    }
}
