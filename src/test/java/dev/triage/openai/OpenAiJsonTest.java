package dev.triage.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OpenAiJsonTest {

    @ParameterizedTest
    @ValueSource(strings = {"deep", "long number", "long name", "trailing", "duplicate", "NUL"})
    void hostileJsonIsABadRequestThatShowsNoParserInternals(String kind) {
        String body = switch (kind) {
            case "deep" -> "{\"model\":\"m\",\"x\":" + "[".repeat(2000) + "]".repeat(2000) + "}";
            case "long number" -> "{\"model\":\"m\",\"x\":" + "9".repeat(1500) + "}";
            case "long name" -> "{\"model\":\"m\",\"" + "k".repeat(60_000) + "\":1}";
            case "trailing" -> "{\"model\":\"m\"} {\"model\":\"n\"}";
            case "duplicate" -> "{\"model\":\"m\",\"model\":\"n\"}";
            default -> "{\"model\":\"m\"}\u0000";
        };
        assertThatThrownBy(() -> OpenAiJson.parseObject(body.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(OpenAiException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.getMessage()).doesNotContain("Source").doesNotContain("StreamReadFeature");
                    assertThat(e.getMessage().length()).isLessThan(300);
                });
    }
}
