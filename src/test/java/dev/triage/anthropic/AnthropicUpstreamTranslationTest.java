package dev.triage.anthropic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.triage.openai.OpenAiException;
import dev.triage.openai.OpenAiJson;

/** Chat Completions to Anthropic's Messages API and back, where the end-to-end tests do not look. */
class AnthropicUpstreamTranslationTest {

    @Test
    void toolResultsOfOneTurnGoBackAsOneUserMessageAfterTheAssistantsCalls() {
        ObjectNode body = ChatAsMessages.of(chat("""
                        {"model":"m","messages":[{"role":"user","content":"Weather in Paris and Oslo?"},
                          {"role":"assistant","content":null,"tool_calls":[
                            {"id":"t1","type":"function","function":{"name":"w","arguments":"{\\"city\\":\\"Paris\\"}"}},
                            {"id":"t2","type":"function","function":{"name":"w","arguments":"not json"}}]},
                          {"role":"tool","tool_call_id":"t1","content":"18"},
                          {"role":"tool","tool_call_id":"t2","content":"9"}]}"""), 4096);
        JsonNode messages = body.get("messages");
        assertThat(messages).hasSize(3);
        assertThat(body.get("max_tokens").asInt()).isEqualTo(4096);
        assertThat(messages.get(1).get("content").get(0).get("input").toString())
                .isEqualTo("{\"city\":\"Paris\"}");
        assertThat(messages.get(1).get("content").get(1).get("input").toString())
                .isEqualTo("{\"_raw\":\"not json\"}");
        assertThat(messages.get(2).get("role").asText()).isEqualTo("user");
        assertThat(messages.get(2).get("content").toString())
                .isEqualTo("[{\"type\":\"tool_result\",\"tool_use_id\":\"t1\",\"content\":\"18\"},"
                        + "{\"type\":\"tool_result\",\"tool_use_id\":\"t2\",\"content\":\"9\"}]");
    }

    @Test
    void valuesThatAskForNothingAreNotUnsupported() {
        assertThat(ChatAsMessages.unsupported(chat(
                        "{\"n\":1,\"presence_penalty\":0.0,\"logprobs\":false,\"response_format\":{\"type\":\"text\"},"
                                + "\"store\":true,\"metadata\":{\"a\":\"b\"},\"temperature\":1}")))
                .isEmpty();
        assertThat(ChatAsMessages.unsupported(
                        chat("{\"n\":2,\"seed\":1,\"response_format\":{\"type\":\"json_object\"}}")))
                .extracting(field -> field.name())
                .containsExactly("n", "seed", "response_format");
    }

    @Test
    void thinkingIsLeftOutAndARefusalIsAContentFilterFinish() throws Exception {
        JsonNode chat = OpenAiJson.tryParseObject(MessageAsChat.of(bytes("""
                {"id":"msg_1","type":"message","role":"assistant","model":"claude","content":[
                  {"type":"thinking","thinking":"hmm","signature":"sig"},{"type":"text","text":"No."}],
                 "stop_reason":"refusal","usage":{"input_tokens":3,"output_tokens":2}}""")));
        assertThat(chat.at("/choices/0/message/content").asText()).isEqualTo("No.");
        assertThat(chat.at("/choices/0/finish_reason").asText()).isEqualTo("content_filter");
        assertThat(chat.at("/usage/total_tokens").asInt()).isEqualTo(5);
    }

    @Test
    void anErrorEventBeforeAnyContentFailsTheTryAndAfterItBecomesAnErrorChunk() {
        String start = "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"model\":\"claude\","
                + "\"usage\":{\"input_tokens\":5,\"output_tokens\":1}}}";
        String overloaded = "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}";
        MessageEventsAsChunks early = new MessageEventsAsChunks();
        assertThat(early.onEvent(start)).isEmpty();
        assertThatThrownBy(() -> early.onEvent(overloaded))
                .isInstanceOfSatisfying(
                        OpenAiException.class, e -> assertThat(e.status()).isEqualTo(503));

        MessageEventsAsChunks late = new MessageEventsAsChunks();
        late.onEvent(start);
        List<String> text = late.onEvent(
                "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"Hi\"}}");
        assertThat(text.getFirst()).contains("\"id\":\"chatcmpl-1\"").contains("\"role\":\"assistant\"");
        assertThat(late.onEvent(overloaded))
                .containsExactly("{\"error\":{\"message\":\"Overloaded\",\"type\":\"overloaded_error\"}}");
        assertThat(late.onEnd())
                .as("no [DONE]: the client must see the answer is incomplete")
                .isEmpty();
    }

    private static ObjectNode chat(String json) {
        return OpenAiJson.tryParseObject(bytes(json));
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
