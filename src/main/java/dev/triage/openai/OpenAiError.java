package dev.triage.openai;

import com.fasterxml.jackson.annotation.JsonInclude;

/** OpenAI's error envelope; {@code param} and {@code code} are always present, as {@code null} when unknown. */
public record OpenAiError(Detail error) {

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Detail(String message, String type, String param, String code) {}

    /** In the order {@link OpenAiException} takes them: type, code, param, message. */
    public static OpenAiError of(String type, String code, String param, String message) {
        return new OpenAiError(new Detail(message, type, param, code));
    }
}
