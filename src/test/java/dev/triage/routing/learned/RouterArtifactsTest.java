package dev.triage.routing.learned;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RouterArtifactsTest {

    private static final float[] EMBEDDING = {0.5f, -1};

    @Test
    void theLengthTermSurvivesSavingAndARouterWithoutOneReadsAsZero(@TempDir Path dir) throws Exception {
        LearnedRouter router = router("v", Combination.CLASSIFIER, null, 0.25f);
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

    @Test
    void aFirstStageIsSavedInItsOwnFolderAndReadBackWithItsMargin(@TempDir Path dir) throws Exception {
        LearnedRouter first = router("v-first-stage", Combination.MF, null, 0);
        LearnedRouter router =
                router("v", Combination.CLASSIFIER, 0.15, 0).with(new FirstStage(first, first.ranks(), 0.15));
        RouterArtifacts.save(router, dir);
        assertThat(dir.resolve("first-stage/manifest.json")).exists();

        LearnedRouter read = RouterArtifacts.load(dir);
        assertThat(read.firstStage()).hasValueSatisfying(stage -> {
            assertThat(stage.margin()).isEqualTo(0.15);
            assertThat(stage.router().manifest().version()).isEqualTo("v-first-stage");
            assertThat(stage.router().strongNeeded(EMBEDDING, "q", "s", "w"))
                    .isEqualTo(first.strongNeeded(EMBEDDING, "q", "s", "w"));
            assertThat(stage.rank(0.5)).isCloseTo(0.5, within(1e-9));
        });
        // a router without a margin has no first stage, even when the folder is there
        RouterArtifacts.save(router("v", Combination.CLASSIFIER, null, 0), dir);
        assertThat(RouterArtifacts.load(dir).firstStage()).isEmpty();
    }

    private static LearnedRouter router(String version, Combination combination, Double margin, float lengthWeight) {
        List<Double> percentiles =
                IntStream.rangeClosed(0, 100).mapToObj(pct -> pct / 100.0).toList();
        return new LearnedRouter(
                new MatrixFactorization(
                        new float[][] {{1, 0}},
                        Map.of("s", new float[] {1}, "w", new float[] {-1}),
                        Map.of("s", 0f, "w", 0f)),
                new DifficultyClassifier(new float[] {0.2f, 0.1f}, -1.5f, lengthWeight),
                new RouterManifest(
                        version,
                        "all-minilm-l6-v2",
                        128,
                        3,
                        "s",
                        "w",
                        combination,
                        Map.of(),
                        percentiles,
                        margin,
                        Map.of(),
                        Map.of()));
    }
}
