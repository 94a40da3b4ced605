package dev.triage.routing.encoder;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The converted file gives back exactly the tensors parsed from the ONNX, and a damaged file is converted again. */
class ConvertedWeightsTest {

    private static final URL ONNX = ConvertedWeightsTest.class.getClassLoader().getResource("all-minilm-l6-v2.onnx");

    @TempDir
    Path cache;

    @Test
    void mappedTensorsEqualTheParsedOnes() throws Exception {
        Map<String, OnnxWeights.Tensor> parsed;
        try (InputStream in = ONNX.openStream()) {
            parsed = OnnxWeights.read(in);
        }
        ConvertedWeights.load(cache, "all-minilm-l6-v2", ONNX); // converts and writes
        try (var files = Files.list(cache)) {
            assertThat(files.map(file -> file.getFileName().toString()))
                    .containsExactly(
                            "all-minilm-l6-v2-" + ONNX.openConnection().getContentLengthLong() + "-v1.weights");
        }
        Map<String, OnnxWeights.Tensor> mapped = ConvertedWeights.load(cache, "all-minilm-l6-v2", ONNX);

        assertThat(mapped.keySet()).isEqualTo(parsed.keySet());
        parsed.forEach((name, tensor) -> {
            assertThat(mapped.get(name).shape()).as(name).containsExactly(tensor.shape());
            // FloatBuffer.equals compares every value (AssertJ's element-wise check is far too slow for 11M floats)
            assertThat(mapped.get(name)
                            .values()
                            .duplicate()
                            .equals(tensor.values().duplicate()))
                    .as(name)
                    .isTrue();
        });
    }

    @Test
    void damagedFileIsConvertedAgain() throws Exception {
        ConvertedWeights.load(cache, "all-minilm-l6-v2", ONNX);
        Path file;
        try (var files = Files.list(cache)) {
            file = files.findFirst().orElseThrow();
        }
        Files.write(file, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});

        Map<String, OnnxWeights.Tensor> tensors = ConvertedWeights.load(cache, "all-minilm-l6-v2", ONNX);

        assertThat(tensors).containsKey("embeddings.word_embeddings.weight");
        assertThat(Files.size(file)).isGreaterThan(90_000_000L);
    }
}
