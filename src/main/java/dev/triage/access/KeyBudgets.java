package dev.triage.access;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import dev.triage.ledger.RequestFinished;
import dev.triage.openai.OpenAiException;

/**
 * Hard budgets and token rates that hold as caps under concurrency. Before a request is forwarded, the most it may
 * cost (its prompt and its output cap at the dearest model it may reach) is reserved against its key's hard budget,
 * and its tokens against its tokens-per-minute; a request that does not fit is refused. When the request ends (answered,
 * failed or abandoned), the reservation gives way to what it actually cost. Concurrent requests can so overspend a
 * budget only by what their answers exceed their reservations (an upstream counting the prompt higher than the
 * gateway's estimate, say), never by their number.
 */
@ApplicationScoped
public class KeyBudgets {

    /** What one request holds until it ends. */
    private record Reservation(UUID key, BigDecimal cost, long tokens) {}

    private final KeyStore keys;
    private final KeyLimits limits;
    private final Map<UUID, Reservation> held = new ConcurrentHashMap<>();
    private final Map<UUID, BigDecimal> reserved = new HashMap<>();

    KeyBudgets(KeyStore keys, KeyLimits limits) {
        this.keys = keys;
        this.limits = limits;
    }

    /**
     * Reserves {@code cost} and {@code tokens} for {@code request} (its ledger row's id) of {@code caller}, or refuses:
     * 429 {@code insufficient_quota} when the hard budget cannot cover it, 429 {@code rate_limit_exceeded} when the
     * tokens-per-minute cannot (a request alone in an empty minute is let through, so that none is refused forever).
     */
    public void reserve(Caller caller, UUID request, BigDecimal cost, long tokens) {
        VirtualKey key = caller.key();
        if (key == null) {
            return;
        }
        boolean capped = key.hardBudget() && key.budgetUsd() != null;
        BigDecimal heldCost = capped ? cost : BigDecimal.ZERO;
        long heldTokens = key.tpm() != null ? tokens : 0;
        synchronized (this) {
            if (capped) {
                BigDecimal committed = keys.spent(key.id()).add(reserved.getOrDefault(key.id(), BigDecimal.ZERO));
                if (committed.compareTo(key.budgetUsd()) >= 0
                        || committed.add(cost).compareTo(key.budgetUsd()) > 0) {
                    throw quotaExceeded(key, committed, cost);
                }
            }
            OptionalLong wait = limits.reserveTokens(key, heldTokens, System.currentTimeMillis());
            if (wait.isPresent()) {
                throw RateLimits.exceeded(key, wait.getAsLong());
            }
            reserved.merge(key.id(), heldCost, BigDecimal::add);
        }
        held.put(request, new Reservation(key.id(), heldCost, heldTokens));
    }

    /**
     * Replaces the request's reservation by what it cost and used; the only charge a finished request makes. Before the
     * ledger queues the row (default priority), so that the row cannot be written before it is charged.
     */
    void settle(@Observes @Priority(Interceptor.Priority.APPLICATION) RequestFinished finished) {
        Reservation reservation = held.remove(finished.row().id());
        finished.virtualKey().ifPresent(key -> {
            synchronized (this) {
                if (reservation != null) {
                    reserved.merge(key, reservation.cost().negate(), BigDecimal::add);
                }
                if (finished.row().cost() != null) {
                    keys.charge(key, finished.row().id(), finished.row().cost());
                }
            }
            long reservedTokens = reservation == null ? 0 : reservation.tokens();
            limits.used(key, finished.tokens() - reservedTokens, System.currentTimeMillis());
        });
    }

    private static OpenAiException quotaExceeded(VirtualKey key, BigDecimal committed, BigDecimal cost) {
        return new OpenAiException(
                429,
                "insufficient_quota",
                "insufficient_quota",
                null,
                String.format(
                        Locale.ROOT,
                        "You exceeded your current quota: this key's budget is $%s per %s; $%s is spent or held by"
                                + " requests in flight, and this request may cost up to $%s.",
                        key.budgetUsd().toPlainString(),
                        key.period().name().toLowerCase(Locale.ROOT),
                        committed.stripTrailingZeros().toPlainString(),
                        cost.stripTrailingZeros().toPlainString()));
    }
}
