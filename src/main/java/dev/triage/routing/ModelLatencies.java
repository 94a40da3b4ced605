package dev.triage.routing;

import java.util.OptionalDouble;

/** How long each model has lately taken to answer, as the gateway's own traffic shows it. */
public interface ModelLatencies {

    /** Milliseconds an answer of {@code outputTokens} tokens should take; empty until the model has answered. */
    OptionalDouble expectedMillis(String model, long outputTokens);
}
