package dev.triage.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Type checks on request fields, each failing with OpenAI's wording and the offending {@code param}. */
public final class RequestChecks {

    private RequestChecks() {}

    public static String requireString(ObjectNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            throw OpenAiException.invalidRequest("Missing required parameter: '" + field + "'.", field);
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw OpenAiException.invalidRequest(
                    "Invalid type for '" + field + "': expected a non-empty string.", field);
        }
        return value.asText();
    }

    public static void optionalBoolean(ObjectNode json, String field) {
        optionalBoolean(json, field, field);
    }

    public static void optionalBoolean(ObjectNode json, String field, String param) {
        JsonNode value = json.get(field);
        if (value != null && !value.isNull() && !value.isBoolean()) {
            throw OpenAiException.invalidRequest("Invalid type for '" + param + "': expected a boolean.", param);
        }
    }

    public static void optionalObject(ObjectNode json, String field) {
        JsonNode value = json.get(field);
        if (value != null && !value.isNull() && !value.isObject()) {
            throw OpenAiException.invalidRequest("Invalid type for '" + field + "': expected an object.", field);
        }
    }

    public static void optionalNumberInRange(ObjectNode json, String field, double min, double max) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            return;
        }
        if (!value.isNumber()) {
            throw OpenAiException.invalidRequest("Invalid type for '" + field + "': expected a number.", field);
        }
        double number = value.asDouble();
        if (number < min || number > max) {
            throw OpenAiException.invalidRequest(
                    "Invalid value for '" + field + "': " + value + " is not between " + min + " and " + max + ".",
                    field);
        }
    }

    public static void optionalPositiveInt(ObjectNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            return;
        }
        if (!value.isIntegralNumber() || value.asLong() < 1) {
            throw OpenAiException.invalidRequest(
                    "Invalid value for '" + field + "': expected an integer of at least 1.", field);
        }
    }
}
