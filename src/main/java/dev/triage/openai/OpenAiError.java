package dev.triage.openai;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** OpenAI's error envelope; {@code param} and {@code code} are always present, as {@code null} when unknown. */
public record OpenAiError(Detail error) {

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Detail(String message, String type, String param, String code) {}

    /**
     * Another API's error body as OpenAI's envelope, when it has an {@code error} object with a {@code message}:
     * that message, and as the type the text of its field {@code typeField} (lower case); the body as it was otherwise.
     */
    public static byte[] translated(byte[] body, String typeField, String defaultType) {
        ObjectNode envelope = body == null ? null : OpenAiJson.tryParseObject(body);
        if (envelope == null || !envelope.path("error").path("message").isTextual()) {
            return body;
        }
        return OpenAiJson.write(of(
                envelope.path("error").path(typeField).asText(defaultType).toLowerCase(Locale.ROOT),
                null,
                null,
                envelope.path("error").path("message").asText()));
    }

    /** In the order {@link OpenAiException} takes them: type, code, param, message. */
    public static OpenAiError of(String type, String code, String param, String message) {
        return new OpenAiError(new Detail(message, type, param, code));
    }
}
