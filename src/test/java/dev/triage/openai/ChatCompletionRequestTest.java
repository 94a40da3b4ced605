package dev.triage.openai;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class ChatCompletionRequestTest {

    @Test
    void routesOnTheLastUserMessageJoiningItsTextParts() {
        ChatCompletionRequest request = parse("""
                {"model":"auto","messages":[
                  {"role":"system","content":"You are terse."},
                  {"role":"user","content":"first question"},
                  {"role":"assistant","content":"answer"},
                  {"role":"user","content":[{"type":"text","text":"Prove it."},{"type":"image_url","image_url":{"url":"x"}},{"type":"text","text":"Formally."}]},
                  {"role":"tool","tool_call_id":"c1","content":"42"}]}""");
        assertThat(request.lastUserText()).isEqualTo("Prove it.\nFormally.");
    }

    @Test
    void noUserMessageMeansNoRoutingText() {
        assertThat(parse("{\"model\":\"auto\",\"messages\":[{\"role\":\"system\",\"content\":\"x\"}]}")
                        .lastUserText())
                .isEmpty();
    }

    @Test
    void swapsOnlyTheModelKeepingEveryOtherByte() {
        String body =
                "{ \"temperature\" : 1.0e0, \"model\" :\t\"auto\" , \"messages\":[{\"role\":\"user\",\"content\":\"\\u00e9\"}],"
                        + "\"x\":{\"model\":\"inner\"}}";
        String swapped = new String(parse(body).forUpstream("a \"quoted\" id"), StandardCharsets.UTF_8);
        assertThat(swapped).isEqualTo(body.replace("\"auto\"", "\"a \\\"quoted\\\" id\""));
    }

    @Test
    void streamWithoutStreamOptionsAsksTheUpstreamForUsageAndNothingElseChanges() {
        String body = " {\"model\":\"auto\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
        ChatCompletionRequest request = parse(body);
        assertThat(request.gatewayAsksUsage()).isTrue();
        assertThat(new String(request.forUpstream("up"), StandardCharsets.UTF_8))
                .isEqualTo(" {\"stream_options\":{\"include_usage\":true},\"model\":\"up\",\"stream\":true,"
                        + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
    }

    @Test
    void streamOptionsWithoutUsageAreReplacedInPlaceKeepingTheOtherOptions() {
        ChatCompletionRequest request = parse(
                "{\"model\":\"auto\",\"stream\":true,"
                        + "\"stream_options\":{\"include_usage\":false,\"continuous_usage_stats\":1.50},\"n\":1,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
        assertThat(request.gatewayAsksUsage()).isTrue();
        assertThat(new String(request.forUpstream("up"), StandardCharsets.UTF_8))
                .isEqualTo(
                        "{\"model\":\"up\",\"stream\":true,"
                                + "\"stream_options\":{\"include_usage\":true,\"continuous_usage_stats\":1.50},\"n\":1,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
    }

    @Test
    void readsStreamAndUsageFlags() {
        ChatCompletionRequest request =
                parse("{\"model\":\"m\",\"stream\":true,\"stream_options\":{\"include_usage\":true},"
                        + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
        assertThat(request.stream()).isTrue();
        assertThat(request.gatewayAsksUsage()).isFalse();
        assertThat(request.model()).isEqualTo("m");
    }

    private static ChatCompletionRequest parse(String body) {
        return ChatCompletionRequest.parse(body.getBytes(StandardCharsets.UTF_8));
    }
}
