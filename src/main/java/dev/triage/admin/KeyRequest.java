package dev.triage.admin;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.triage.access.ApiKey;
import dev.triage.openai.OpenAiException;

/**
 * {@code POST /admin/keys}: a new virtual key's name, what it may use, its budget, its rate limits and whether it may
 * choose its own routing threshold. Read strictly: an unknown field, a value of the wrong type or out of its range is a
 * 400 naming the field, never a silent default.
 */
final class KeyRequest {

    static final int MAX_NAME = 200;
    static final int MAX_NAMES = 100;
    static final BigDecimal MAX_BUDGET = new BigDecimal("1000000000");

    private static final Set<String> FIELDS = Set.of(
            "name",
            "allowed_routes",
            "allowed_models",
            "budget_usd",
            "budget_period",
            "budget_mode",
            "rpm",
            "tpm",
            "allow_threshold_override");
    private static final Map<String, Set<String>> CHOICES =
            Map.of("budget_period", Set.of("day", "month", "total"), "budget_mode", Set.of("hard", "soft"));

    private final ObjectNode body;

    private KeyRequest(ObjectNode body) {
        this.body = body;
    }

    /** The entity to store; 400 in OpenAI's format for anything invalid. */
    static ApiKey toEntity(ObjectNode body) {
        return new KeyRequest(body).entity();
    }

    private ApiKey entity() {
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String field = names.next();
            if (!FIELDS.contains(field)) {
                throw invalid(field, "'" + printable(field) + "' is not a field of a key.");
            }
        }
        ApiKey key = new ApiKey();
        key.name = name("name", required("name"));
        key.allowedRoutes = names("allowed_routes");
        key.allowedModels = names("allowed_models");
        key.budgetUsd = budget();
        key.budgetPeriod = choice("budget_period", "month");
        key.budgetMode = choice("budget_mode", "hard");
        key.rpm = perMinute("rpm");
        key.tpm = perMinute("tpm");
        key.allowThresholdOverride = flag("allow_threshold_override");
        return key;
    }

    private JsonNode required(String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            throw invalid(field, "'" + field + "' is required.");
        }
        return value;
    }

    private static String name(String field, JsonNode value) {
        if (!value.isTextual() || value.asText().isBlank()) {
            throw invalid(field, "'" + field + "' must be a non-empty string.");
        }
        String name = value.asText().strip();
        if (name.length() > MAX_NAME) {
            throw invalid(field, "'" + field + "' must be at most " + MAX_NAME + " characters.");
        }
        if (name.chars().anyMatch(Character::isISOControl)) {
            throw invalid(field, "'" + field + "' must not contain control characters.");
        }
        return name;
    }

    /** A list of route or model names, stored comma-separated; absent: all. */
    private String names(String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isArray() || value.isEmpty()) {
            throw invalid(field, "'" + field + "' must be a non-empty list of names; leave it out to allow all.");
        }
        if (value.size() > MAX_NAMES) {
            throw invalid(field, "'" + field + "' may list at most " + MAX_NAMES + " names.");
        }
        List<String> names = new ArrayList<>();
        for (JsonNode element : value) {
            String name = name(field, element);
            if (name.contains(",")) {
                throw invalid(field, "A name in '" + field + "' must not contain a comma.");
            }
            names.add(name);
        }
        return String.join(",", names);
    }

    private BigDecimal budget() {
        JsonNode value = body.get("budget_usd");
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber()
                || value.decimalValue().signum() < 0
                || value.decimalValue().compareTo(MAX_BUDGET) > 0) {
            throw invalid("budget_usd", "'budget_usd' must be a number from 0 to " + MAX_BUDGET.toPlainString() + ".");
        }
        return value.decimalValue();
    }

    private String choice(String field, String fallback) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        String choice = value.isTextual() ? value.asText().toLowerCase(Locale.ROOT) : "";
        if (!CHOICES.get(field).contains(choice)) {
            throw invalid(
                    field, "'" + field + "' must be one of " + String.join(", ", sorted(CHOICES.get(field))) + ".");
        }
        return choice;
    }

    private Integer perMinute(String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        boolean whole =
                value.isNumber() && value.decimalValue().stripTrailingZeros().scale() <= 0;
        if (!whole
                || value.decimalValue().signum() <= 0
                || value.decimalValue().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
            throw invalid(field, "'" + field + "' must be a whole number from 1 to " + Integer.MAX_VALUE + ".");
        }
        return value.decimalValue().intValueExact();
    }

    private Boolean flag(String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            throw invalid(field, "'" + field + "' must be true or false.");
        }
        return value.asBoolean();
    }

    private static List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }

    /** A client-sent name, cut and stripped of control characters, fit to quote in a message. */
    private static String printable(String text) {
        String cut = text.length() > 40 ? text.substring(0, 40) + "..." : text;
        return cut.codePoints()
                .filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
    }

    private static OpenAiException invalid(String param, String message) {
        return OpenAiException.invalidRequest(message, printable(param));
    }
}
