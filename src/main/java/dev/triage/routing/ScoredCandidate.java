package dev.triage.routing;

import java.util.Locale;
import java.util.OptionalDouble;

/**
 * A pool route's candidate for one request: its configured quality, what this request's answer should cost, and how
 * long it should take (from the model's recent answers; empty until it has given one).
 */
record ScoredCandidate(String model, double quality, double expectedUsd, OptionalDouble expectedMillis) {

    /** As {@code x-triage-candidates} lists it. */
    String describe() {
        String described = String.format(Locale.ROOT, "%s;q=%.3f;usd=%.6f", model, quality, expectedUsd);
        return expectedMillis.isPresent()
                ? described + String.format(Locale.ROOT, ";ms=%.0f", expectedMillis.getAsDouble())
                : described;
    }
}
