package dev.triage.providers;

import java.math.BigDecimal;
import java.util.List;

/**
 * A model the gateway can call: its public name, the provider serving it, the provider's id for it, its prices, and the
 * models that answer instead when it is called by name and fails.
 */
public record ModelTarget(
        String name,
        Provider provider,
        String upstreamModel,
        BigDecimal inputPricePerMillion,
        BigDecimal outputPricePerMillion,
        List<String> fallbacks) {}
