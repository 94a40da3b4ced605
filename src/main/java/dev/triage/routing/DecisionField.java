package dev.triage.routing;

import java.util.Locale;

/** A fact of a {@link Decision}, as headers, span attributes and ledger columns carry it. */
public enum DecisionField {
    ROUTE,
    TIER,
    POLICY,
    STRONG_PROBABILITY("%.5f"),
    THRESHOLD("%.5f"),
    DECISION_MS("%.2f"),
    ROUTER_VERSION,
    /** A pool route's candidates as it scored them for the request, the chosen one first. */
    CANDIDATES;

    private final String numberFormat;

    DecisionField() {
        this(null);
    }

    DecisionField(String numberFormat) {
        this.numberFormat = numberFormat;
    }

    /** Whether the value is a number ({@link Double}), else text. */
    public boolean numeric() {
        return numberFormat != null;
    }

    /** The value as a header shows it. */
    public String text(Object value) {
        return numeric() ? String.format(Locale.ROOT, numberFormat, (Double) value) : (String) value;
    }
}
