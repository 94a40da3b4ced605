package dev.triage.providers;

import java.math.BigDecimal;

/** A model the gateway can call: its public name, the provider serving it, the provider's id for it, its prices. */
public record ModelTarget(String name, OpenAiCompatibleProvider provider, String upstreamModel,
        BigDecimal inputPricePerMillion, BigDecimal outputPricePerMillion) {
}
