package dev.triage.access;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A usable virtual key, as the gateway checks it on every request: what it may call, its spending budget per period
 * (hard: refuse; soft: downgrade to the weak model), its request and token rates per minute (null: no limit), and
 * whether it may set a route's threshold itself with a RouteLLM-style name ({@code router-mf-0} would be always-strong).
 */
public record VirtualKey(
        UUID id,
        String name,
        String prefix,
        Set<String> allowedRoutes,
        Set<String> allowedModels,
        BigDecimal budgetUsd,
        Period period,
        boolean hardBudget,
        Integer rpm,
        Integer tpm,
        boolean mayChooseThreshold) {

    /** The span a budget covers, in UTC. */
    public enum Period {
        DAY,
        MONTH,
        TOTAL;

        public Instant start(Instant now) {
            LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
            return switch (this) {
                case DAY -> today.atStartOfDay().toInstant(ZoneOffset.UTC);
                case MONTH -> today.withDayOfMonth(1).atStartOfDay().toInstant(ZoneOffset.UTC);
                case TOTAL -> Instant.EPOCH;
            };
        }
    }

    static VirtualKey of(ApiKey key) {
        return new VirtualKey(
                key.id,
                key.name,
                key.keyPrefix,
                names(key.allowedRoutes),
                names(key.allowedModels),
                key.budgetUsd,
                Period.valueOf(key.budgetPeriod.toUpperCase(Locale.ROOT)),
                !"soft".equalsIgnoreCase(key.budgetMode),
                key.rpm,
                key.tpm,
                key.allowThresholdOverride != null ? key.allowThresholdOverride : key.budgetUsd == null);
    }

    /** Whether this key may use the route or model {@code name}: with no list at all, every one; else those listed. */
    public boolean allows(String name) {
        return allowedRoutes.isEmpty() && allowedModels.isEmpty()
                || allowedRoutes.contains(name)
                || allowedModels.contains(name);
    }

    private static Set<String> names(String csv) {
        return csv == null || csv.isBlank()
                ? Set.of()
                : Arrays.stream(csv.split(","))
                        .map(String::strip)
                        .filter(name -> !name.isEmpty())
                        .collect(Collectors.toUnmodifiableSet());
    }
}
