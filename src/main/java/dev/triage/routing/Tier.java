package dev.triage.routing;

import java.util.Locale;

/** Which of a route's models a decision picked. */
public enum Tier {
    /** The learned route's expensive model. */
    STRONG,
    /** The learned route's cheap model. */
    WEAK,
    /** A fixed route's only model. */
    FIXED,
    /** One of a pool route's candidates ({@code quality-first}, {@code cost-first}, {@code hybrid}). */
    CANDIDATE;

    /** As headers, spans and the ledger say it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
