package dev.triage.openai;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a Chat Completions request asks for in fields another API may not carry: the fields that ask for nothing at
 * their value (a penalty of 0, one choice), the ones that do not change the answer, and the list a translation reports
 * as unsupported.
 */
public final class ChatFields {

    /** The fields every translation carries: the conversation, tools, sampling, the output cap and stops. */
    public static final Set<String> COMMON = Set.of(
            "model",
            "messages",
            "max_tokens",
            "max_completion_tokens",
            "temperature",
            "top_p",
            "stop",
            "stream",
            "tools",
            "tool_choice",
            "user");

    /** Fields that shape no answer: bookkeeping for OpenAI's own features or the gateway's. */
    public static final Set<String> BOOKKEEPING = Set.of("store", "metadata", "service_tier", "stream_options");

    private static final Map<String, JsonNode> NO_OP_VALUES = Map.of(
            "n", OpenAiJson.newObject().numberNode(1),
            "presence_penalty", OpenAiJson.newObject().numberNode(0),
            "frequency_penalty", OpenAiJson.newObject().numberNode(0),
            "logprobs", OpenAiJson.newObject().booleanNode(false),
            "parallel_tool_calls", OpenAiJson.newObject().booleanNode(true));

    private ChatFields() {}

    /** {@link #COMMON} and {@code more}. */
    public static Set<String> with(String... more) {
        Set<String> carried = new HashSet<>(COMMON);
        carried.addAll(List.of(more));
        return Set.copyOf(carried);
    }

    /**
     * Every top-level field of {@code chat} outside {@code carried} that asks for something, as unsupported by
     * {@code api}; {@code null} values and values that ask for nothing are not.
     */
    public static List<UnsupportedField> beyond(ObjectNode chat, Set<String> carried, String api) {
        List<UnsupportedField> unsupported = new ArrayList<>();
        chat.properties().forEach(field -> {
            String name = field.getKey();
            if (!carried.contains(name)
                    && !BOOKKEEPING.contains(name)
                    && !field.getValue().isNull()
                    && !asksNothing(name, field.getValue())) {
                unsupported.add(new UnsupportedField(name, api + " has no equivalent"));
            }
        });
        return unsupported;
    }

    private static boolean asksNothing(String name, JsonNode value) {
        JsonNode noOp = NO_OP_VALUES.get(name);
        if (noOp == null) {
            return "response_format".equals(name)
                    && "text".equals(value.path("type").asText());
        }
        if (noOp.isNumber() && value.isNumber()) {
            return value.decimalValue().compareTo(new BigDecimal(noOp.asText())) == 0;
        }
        return noOp.equals(value);
    }

    /** The most output tokens the request allows, whichever field it used. */
    public static JsonNode maxOutputTokens(ObjectNode chat) {
        return chat.hasNonNull("max_completion_tokens") ? chat.get("max_completion_tokens") : chat.get("max_tokens");
    }

    /** A string or list of strings as a list of strings ({@code stop}). */
    public static List<String> strings(JsonNode value) {
        List<String> strings = new ArrayList<>();
        if (value != null && value.isTextual()) {
            strings.add(value.asText());
        } else if (value != null && value.isArray()) {
            value.forEach(item -> strings.add(item.asText()));
        }
        return strings;
    }
}
