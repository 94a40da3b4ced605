package dev.triage.routing.encoder;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Pins the encoder to the original model: embeddings computed by ONNX Runtime on the original ONNX file (through
 * langchain4j's own classes, see tools/golden-embeddings) must be reproduced by our DJL PyTorch encoder within 1e-5.
 */
class BertEncoderGoldenTest {

    private static BertEncoder encoder;

    @BeforeAll
    static void load() throws Exception {
        encoder = BertEncoder.load(EncoderSpec.ALL_MINILM_L6_V2, 256, 0);
    }

    @AfterAll
    static void close() {
        encoder.close();
    }

    @Test
    void reproducesOnnxRuntimeWithinOneInAHundredThousand() throws Exception {
        List<JsonNode> golden;
        try (InputStream in = getClass().getResourceAsStream("/golden/all-minilm-l6-v2.jsonl")) {
            golden = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .map(line -> {
                        try {
                            return new ObjectMapper().readTree(line);
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    })
                    .toList();
        }
        assertThat(golden).hasSize(4);
        for (JsonNode row : golden) {
            float[] ours = encoder.encode(row.get("text").asText());
            JsonNode expected = row.get("embedding");
            assertThat(ours).hasSize(expected.size());
            double maxDiff = 0;
            for (int i = 0; i < ours.length; i++) {
                maxDiff = Math.max(maxDiff, Math.abs(ours[i] - expected.get(i).asDouble()));
            }
            assertThat(maxDiff).as(row.get("text").asText()).isLessThan(1e-5);
        }
    }

    @Test
    void longInputsAreTruncatedToTheWindow() {
        String longText = "word ".repeat(2000);
        assertThat(encoder.tokenCount(longText)).isEqualTo(256);
        assertThat(encoder.encode(longText)).hasSize(384);
    }
}
