package dev.triage.routing.learned;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RouterArtifactsTest {

    private static final float[] EMBEDDING = {0.5f, -1};

    @Test
    void theLengthTermSurvivesSavingAndARouterWithoutOneReadsAsZero(@TempDir Path dir) throws Exception {
        LearnedRouter router = new LearnedRouter(
                new MatrixFactorization(
                        new float[][] {{1, 0}},
                        Map.of("s", new float[] {1}, "w", new float[] {-1}),
                        Map.of("s", 0f, "w", 0f)),
                new DifficultyClassifier(new float[] {0.2f, 0.1f}, -1.5f, 0.25f),
                new RouterManifest(
                        "v",
                        "all-minilm-l6-v2",
                        256,
                        3,
                        "s",
                        "w",
                        Combination.CLASSIFIER,
                        Map.of(),
                        Map.of(),
                        Map.of()));
        RouterArtifacts.save(router, dir);
        LearnedRouter read = RouterArtifacts.load(dir);
        String prompt = "What is a monad?";
        double expected = 1 / (1 + Math.exp(-(0.2 * 0.5 - 0.1 - 1.5 + 0.25 * Math.log1p(prompt.length()))));
        assertThat(read.strongNeeded(EMBEDDING, prompt, "s", "w")).isCloseTo(expected, within(1e-6));
        assertThat(read.manifest().layers()).isEqualTo(3);

        Files.writeString(dir.resolve("classifier.json"), "{\"weights\": [0.2, 0.1], \"bias\": -1.5}");
        assertThat(RouterArtifacts.load(dir).strongNeeded(EMBEDDING, prompt, "s", "w"))
                .isCloseTo(1 / (1 + Math.exp(-(0.2 * 0.5 - 0.1 - 1.5))), within(1e-6));
    }
}
