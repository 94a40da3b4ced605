package dev.triage.routing;

import java.util.Locale;

/** A pool route's candidate for one request: its configured quality and what this request's answer should cost. */
record ScoredCandidate(String model, double quality, double expectedUsd) {

    /** As {@code x-triage-candidates} lists it. */
    String describe() {
        return String.format(Locale.ROOT, "%s;q=%.3f;usd=%.6f", model, quality, expectedUsd);
    }
}
