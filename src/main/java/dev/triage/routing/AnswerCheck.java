package dev.triage.routing;

import java.io.IOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.triage.openai.ChatCompletionRequest;

/**
 * What a cascade checks in a Chat Completions answer before it lets it through. An answer the check cannot read (not a
 * chat completion) passes: the check judges the answer's content, never the provider.
 */
public enum AnswerCheck {
    /** No text and no tool call. */
    EMPTY,
    /** The model refused ({@code message.refusal}). */
    REFUSAL,
    /** Cut at the output limit ({@code finish_reason: length}). */
    LENGTH,
    /** The request asked for JSON ({@code response_format}) and the text is no JSON object, or lacks a required key. */
    INVALID_JSON;

    private static final ObjectMapper JSON = new ObjectMapper();

    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static Set<AnswerCheck> parse(String key, Optional<List<String>> labels) {
        if (labels.isEmpty()) {
            return EnumSet.allOf(AnswerCheck.class);
        }
        Set<AnswerCheck> checks = EnumSet.noneOf(AnswerCheck.class);
        for (String label : labels.get()) {
            checks.add(List.of(values()).stream()
                    .filter(check -> check.label().equals(label.strip()))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(
                            key + " names '" + label + "'; the checks are empty, " + "refusal, length, invalid-json")));
        }
        return checks;
    }

    /** The first of {@code checks} that {@code answer} fails, if any. */
    static Optional<AnswerCheck> failed(Set<AnswerCheck> checks, ChatCompletionRequest request, byte[] answer) {
        JsonNode choice;
        try {
            choice = JSON.readTree(answer).path("choices").path(0);
        } catch (IOException e) {
            return Optional.empty();
        }
        if (choice.isMissingNode()) {
            return Optional.empty();
        }
        return checks.stream().filter(check -> check.fails(choice, request)).findFirst();
    }

    private boolean fails(JsonNode choice, ChatCompletionRequest request) {
        JsonNode message = choice.path("message");
        String text = message.path("content").asText("");
        return switch (this) {
            case EMPTY -> text.isBlank() && message.path("tool_calls").isEmpty() && !hasText(message.path("refusal"));
            case REFUSAL -> hasText(message.path("refusal"));
            case LENGTH -> "length".equals(choice.path("finish_reason").asText());
            case INVALID_JSON -> asksJson(request) && !message.has("tool_calls") && !validJson(text, request);
        };
    }

    private static boolean hasText(JsonNode node) {
        return node.isTextual() && !node.asText().isBlank();
    }

    private static boolean asksJson(ChatCompletionRequest request) {
        String type = request.json().path("response_format").path("type").asText("");
        return type.equals("json_object") || type.equals("json_schema");
    }

    private static boolean validJson(String text, ChatCompletionRequest request) {
        JsonNode parsed;
        try {
            parsed = JSON.readTree(text);
        } catch (IOException e) {
            return false;
        }
        if (parsed == null || !parsed.isObject()) {
            return false;
        }
        for (JsonNode required : request.json()
                .path("response_format")
                .path("json_schema")
                .path("schema")
                .path("required")) {
            if (!parsed.has(required.asText())) {
                return false;
            }
        }
        return true;
    }
}
