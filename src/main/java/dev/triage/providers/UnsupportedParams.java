package dev.triage.providers;

/** What a translating provider does with a request field its API cannot carry: {@code unsupported-params}. */
public enum UnsupportedParams {
    /** Refuse the request with a 400 naming the fields (the default: nothing changes meaning unseen). */
    REJECT,
    /** Leave the fields out and log a warning, once per provider and field. */
    DROP
}
