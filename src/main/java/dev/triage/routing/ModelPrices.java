package dev.triage.routing;

import java.util.Optional;

/** What a model's tokens cost, as the provider configuration says: routing sees prices, never providers. */
public interface ModelPrices {

    /** USD per million input and output tokens. */
    record Price(double inputPerMillion, double outputPerMillion) {

        double usd(long inputTokens, long outputTokens) {
            return (inputTokens * inputPerMillion + outputTokens * outputPerMillion) / 1_000_000;
        }
    }

    /** The model's prices; empty when no such model is configured. */
    Optional<Price> of(String model);
}
