package dev.triage.providers;

import java.math.BigDecimal;
import java.util.List;

/**
 * A model the gateway can call, at one of its deployments: its public name, the provider serving it there, the
 * provider's id for it, its prices, the models that answer instead when it is called by name and fails, and how the
 * attempts header names it ({@code model}, or {@code model@provider} when it has several deployments).
 */
public record ModelTarget(
        String name,
        Provider provider,
        String upstreamModel,
        BigDecimal inputPricePerMillion,
        BigDecimal outputPricePerMillion,
        List<String> fallbacks,
        String shownAs) {}
