package dev.triage.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.triage.openai.ChatCompletionRequest;

class AnswerCheckTest {

    private static final Set<AnswerCheck> ALL = EnumSet.allOf(AnswerCheck.class);
    private static final ChatCompletionRequest PLAIN = request("");
    private static final ChatCompletionRequest JSON_OBJECT = request(",\"response_format\":{\"type\":\"json_object\"}");
    private static final ChatCompletionRequest JSON_SCHEMA = request(
            ",\"response_format\":{\"type\":\"json_schema\","
                    + "\"json_schema\":{\"name\":\"city\",\"schema\":{\"type\":\"object\",\"required\":[\"name\",\"country\"]}}}");

    @Test
    void aGoodAnswerPassesEveryCheck() {
        assertThat(AnswerCheck.failed(ALL, PLAIN, answer("\"Paris\"", "stop"))).isEmpty();
        assertThat(AnswerCheck.failed(
                        ALL,
                        JSON_SCHEMA,
                        answer("\"{\\\"name\\\":\\\"Paris\\\",\\\"country\\\":\\\"FR\\\"}\"", "stop")))
                .isEmpty();
    }

    @Test
    void eachCheckFindsWhatItLooksFor() {
        assertThat(AnswerCheck.failed(ALL, PLAIN, answer("\"  \"", "stop"))).contains(AnswerCheck.EMPTY);
        assertThat(AnswerCheck.failed(ALL, PLAIN, answer("null", "stop"))).contains(AnswerCheck.EMPTY);
        assertThat(AnswerCheck.failed(ALL, PLAIN, answer("\"The answer is\"", "length")))
                .contains(AnswerCheck.LENGTH);
        assertThat(AnswerCheck.failed(ALL, PLAIN, """
                {"choices":[{"message":{"content":null,"refusal":"I can't help with that."},"finish_reason":"stop"}]}""".getBytes())).contains(AnswerCheck.REFUSAL);
        assertThat(AnswerCheck.failed(ALL, JSON_OBJECT, answer("\"Sure! {\\\"a\\\":1}\"", "stop")))
                .contains(AnswerCheck.INVALID_JSON);
        assertThat(AnswerCheck.failed(ALL, JSON_SCHEMA, answer("\"{\\\"name\\\":\\\"Paris\\\"}\"", "stop")))
                .contains(AnswerCheck.INVALID_JSON);
    }

    @Test
    void onlyTheRoutesChecksApplyAndAnAnswerItCannotReadPasses() {
        assertThat(AnswerCheck.failed(EnumSet.of(AnswerCheck.EMPTY), PLAIN, answer("\"cut\"", "length")))
                .isEmpty();
        assertThat(AnswerCheck.failed(ALL, PLAIN, "{\"type\":\"message\",\"content\":[]}".getBytes()))
                .isEmpty();
        assertThat(AnswerCheck.failed(ALL, PLAIN, "not json".getBytes())).isEmpty();
    }

    @Test
    void theChecksAreReadByTheirLabels() {
        assertThat(AnswerCheck.parse("k", Optional.of(List.of("length", "invalid-json"))))
                .containsExactlyInAnyOrder(AnswerCheck.LENGTH, AnswerCheck.INVALID_JSON);
        assertThat(AnswerCheck.parse("k", Optional.empty())).isEqualTo(ALL);
        assertThatThrownBy(() -> AnswerCheck.parse("triage.routes.c.escalate-on", Optional.of(List.of("slow"))))
                .hasMessageContaining("triage.routes.c.escalate-on names 'slow'");
    }

    private static ChatCompletionRequest request(String extra) {
        return ChatCompletionRequest.parse(
                ("{\"model\":\"c\",\"messages\":[{\"role\":\"user\",\"content\":\"a city\"}]" + extra + "}")
                        .getBytes());
    }

    private static byte[] answer(String content, String finishReason) {
        return ("{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":" + content + "},\"finish_reason\":\""
                        + finishReason + "\"}]}")
                .getBytes();
    }
}
