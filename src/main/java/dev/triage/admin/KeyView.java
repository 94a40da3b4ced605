package dev.triage.admin;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import dev.triage.access.ApiKey;

/** A virtual key as operators see it: never its hash; the secret only in the answer that created it. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
record KeyView(
        UUID id,
        String name,
        String key,
        String prefix,
        List<String> allowedRoutes,
        List<String> allowedModels,
        BigDecimal budgetUsd,
        String budgetPeriod,
        String budgetMode,
        Integer rpm,
        Integer tpm,
        Boolean allowThresholdOverride,
        BigDecimal spentUsd,
        Instant createdAt,
        Instant revokedAt) {

    static KeyView of(ApiKey key, String secret, BigDecimal spent) {
        return new KeyView(
                key.id,
                key.name,
                secret,
                key.keyPrefix,
                names(key.allowedRoutes),
                names(key.allowedModels),
                key.budgetUsd,
                key.budgetPeriod,
                key.budgetMode,
                key.rpm,
                key.tpm,
                key.allowThresholdOverride,
                spent,
                key.createdAt,
                key.revokedAt);
    }

    private static List<String> names(String csv) {
        return csv == null || csv.isBlank()
                ? null
                : Arrays.stream(csv.split(",")).map(String::strip).toList();
    }
}
