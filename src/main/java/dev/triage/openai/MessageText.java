package dev.triage.openai;

import com.fasterxml.jackson.databind.JsonNode;

/** The plain text of a message's {@code content}: a string, or the {@code text} of its text parts. */
public final class MessageText {

    private MessageText() {}

    public static String of(JsonNode content) {
        if (content == null || content.isNull()) {
            return "";
        }
        if (content.isTextual()) {
            return content.asText();
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode part : content) {
            if ("text".equals(part.path("type").asText()) && part.path("text").isTextual()) {
                if (!text.isEmpty()) {
                    text.append('\n');
                }
                text.append(part.get("text").asText());
            }
        }
        return text.toString();
    }
}
