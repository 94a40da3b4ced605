package dev.triage.openai;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Chat Completions' {@code usage} object, for answers translated from another API's counts. */
public final class ChatUsage {

    private ChatUsage() {}

    public static ObjectNode of(long promptTokens, long completionTokens) {
        return OpenAiJson.newObject()
                .put("prompt_tokens", promptTokens)
                .put("completion_tokens", completionTokens)
                .put("total_tokens", promptTokens + completionTokens);
    }
}
