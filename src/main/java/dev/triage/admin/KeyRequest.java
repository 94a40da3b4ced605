package dev.triage.admin;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import dev.triage.access.ApiKey;
import dev.triage.openai.OpenAiException;

/** {@code POST /admin/keys}: a new virtual key's name, what it may use, its budget and its rate limits. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record KeyRequest(
        String name,
        List<String> allowedRoutes,
        List<String> allowedModels,
        BigDecimal budgetUsd,
        String budgetPeriod,
        String budgetMode,
        Integer rpm,
        Integer tpm) {

    private static final Set<String> PERIODS = Set.of("day", "month", "total");
    private static final Set<String> MODES = Set.of("hard", "soft");

    /** The entity to store; 400 in OpenAI's format for anything invalid. */
    ApiKey toEntity() {
        if (name == null || name.isBlank()) {
            throw OpenAiException.invalidRequest("'name' is required.", "name");
        }
        String period = budgetPeriod == null ? "month" : budgetPeriod.toLowerCase(Locale.ROOT);
        if (!PERIODS.contains(period)) {
            throw OpenAiException.invalidRequest("'budget_period' must be day, month or total.", "budget_period");
        }
        String mode = budgetMode == null ? "hard" : budgetMode.toLowerCase(Locale.ROOT);
        if (!MODES.contains(mode)) {
            throw OpenAiException.invalidRequest("'budget_mode' must be hard or soft.", "budget_mode");
        }
        if (budgetUsd != null && budgetUsd.signum() < 0) {
            throw OpenAiException.invalidRequest("'budget_usd' must not be negative.", "budget_usd");
        }
        if (rpm != null && rpm < 1 || tpm != null && tpm < 1) {
            throw OpenAiException.invalidRequest(
                    "'rpm' and 'tpm' must be at least 1.", rpm != null && rpm < 1 ? "rpm" : "tpm");
        }
        ApiKey key = new ApiKey();
        key.name = name.strip();
        key.allowedRoutes = allowedRoutes == null ? null : String.join(",", allowedRoutes);
        key.allowedModels = allowedModels == null ? null : String.join(",", allowedModels);
        key.budgetUsd = budgetUsd;
        key.budgetPeriod = period;
        key.budgetMode = mode;
        key.rpm = rpm;
        key.tpm = tpm;
        return key;
    }
}
