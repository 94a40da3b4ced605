package dev.triage.tools.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.triage.tools.eval.SourcePairs;

/** The alias mapping, the pair each source is judged on and the label of each prompt, on tiny hand-checked files. */
class TrainingDataTest {

    private static final String DATA = """
            {"models": {
              "gpt-4-turbo": {"tier": "strong", "aliases": ["gpt-4-1106-preview", "gpt-4-turbo-2024-04-09"]},
              "gpt-4": {"tier": "strong", "aliases": ["gpt4_0314"]},
              "mixtral-8x7b": {"tier": "weak", "aliases": ["mistralai/mixtral-8x7b-chat"]},
              "llama-3-70b": {"tier": "weak", "aliases": ["Meta-Llama-3-70B-Instruct"]}
            },
             "sources": {"bench/arc": {"kind": "multiple-choice", "weight": 2}}}
            """;

    @Test
    void everySpellingOfAModelHasOneNameAndTier(@TempDir Path dir) throws IOException {
        TrainingData data = data(dir);
        assertThat(data.canonical("gpt-4-1106-preview")).isEqualTo("gpt-4-turbo");
        assertThat(data.canonical("gpt-4-turbo-2024-04-09")).isEqualTo("gpt-4-turbo");
        assertThat(data.canonical("gpt-4-turbo")).isEqualTo("gpt-4-turbo");
        assertThat(data.canonical("some-new-model")).isEqualTo("some-new-model");
        assertThat(data.tier("mistralai/mixtral-8x7b-chat")).isEqualTo(TrainingData.Tier.WEAK);
        assertThat(data.tier("some-new-model")).isEqualTo(TrainingData.Tier.OTHER);
        assertThat(data.source("bench/arc")).isEqualTo(new TrainingData.Source("multiple-choice", 2));
        assertThat(data.source("unlisted")).isEqualTo(new TrainingData.Source("other", 1));
        // the first of each tier in the file's order among the models scored
        assertThat(data.pairAmong(List.of("llama-3-70b", "gpt-4", "mixtral-8x7b", "gpt-4-turbo")))
                .contains(List.of("gpt-4-turbo", "mixtral-8x7b"));
        assertThat(data.pairAmong(List.of("gpt-4", "llama-3-70b"))).contains(List.of("gpt-4", "llama-3-70b"));
        assertThat(data.pairAmong(List.of("gpt-4", "gpt-4-turbo"))).isEmpty();
    }

    @Test
    void labelsComeFromBothScoresAndTiesAreLabelsToo() {
        assertThat(PairOutcome.of(1, 0)).isEqualTo(PairOutcome.STRONG_NEEDED);
        assertThat(PairOutcome.of(1, 1)).isEqualTo(PairOutcome.TIE);
        assertThat(PairOutcome.of(0, 0)).isEqualTo(PairOutcome.TIE);
        assertThat(PairOutcome.of(0, 1)).isEqualTo(PairOutcome.WEAK_BETTER);
        assertThat(PairOutcome.of(0.75, 0.5)).isEqualTo(PairOutcome.STRONG_NEEDED);
    }

    @Test
    void aScoresFileGivesEachTaskItsPairAndEachPromptItsLabel(@TempDir Path dir) throws IOException {
        Path scores = dir.resolve("bench.scores.jsonl");
        Files.writeString(scores, """
                {"prompt": "q1", "model": "gpt-4-1106-preview", "score": 1, "task": "arc"}
                {"prompt": "q1", "model": "mistralai/mixtral-8x7b-chat", "score": 0, "task": "arc"}
                {"prompt": "q2", "model": "gpt-4-1106-preview", "score": 1, "task": "arc"}
                {"prompt": "q2", "model": "mistralai/mixtral-8x7b-chat", "score": 1, "task": "arc"}
                {"prompt": "q3", "model": "gpt-4-1106-preview", "score": 0, "task": "arc"}
                {"prompt": "q3", "model": "mistralai/mixtral-8x7b-chat", "score": 1, "task": "arc"}
                {"prompt": "q4", "model": "gpt-4-1106-preview", "score": 1, "task": "arc"}
                {"prompt": "q5", "model": "gpt4_0314", "score": 1, "task": "math"}
                {"prompt": "q5", "model": "gpt4_0314", "score": 0, "task": "math"}
                {"prompt": "q5", "model": "Meta-Llama-3-70B-Instruct", "score": 0, "task": "math"}
                """);
        List<ScoreFile.Source> sources = ScoreFile.read(scores, data(dir));
        assertThat(sources).extracting(ScoreFile.Source::key).containsExactly("bench/arc", "bench/math");

        SourcePairs arc = SourcePairs.of(sources.get(0), data(dir)).orElseThrow();
        assertThat(List.of(arc.strong(), arc.weak())).containsExactly("gpt-4-turbo", "mixtral-8x7b");
        // q4 has no weak score: not a row
        assertThat(arc.rows()).extracting(row -> row.prompt()).containsExactly("q1", "q2", "q3");
        assertThat(arc.outcomes())
                .containsEntry(PairOutcome.STRONG_NEEDED, 1L)
                .containsEntry(PairOutcome.TIE, 1L)
                .containsEntry(PairOutcome.WEAK_BETTER, 1L);

        // the strong model against every other model scored on a prompt: ties are half a win each
        assertThat(ScoreBattles.of(sources.get(0), data(dir)))
                .extracting(Battle::prompt, Battle::modelB, Battle::aWins)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("q1", "mixtral-8x7b", 1.0),
                        org.assertj.core.groups.Tuple.tuple("q2", "mixtral-8x7b", 0.5),
                        org.assertj.core.groups.Tuple.tuple("q3", "mixtral-8x7b", 0.0));

        SourcePairs math = SourcePairs.of(sources.get(1), data(dir)).orElseThrow();
        assertThat(List.of(math.strong(), math.weak())).containsExactly("gpt-4", "llama-3-70b");
        // a model scored twice on a prompt counts with its mean
        assertThat(math.rows().getFirst().strongScore()).isEqualTo(0.5);
        assertThat(math.outcomes()).containsEntry(PairOutcome.STRONG_NEEDED, 1L);
    }

    private static TrainingData data(Path dir) throws IOException {
        Path file = dir.resolve("training-data.json");
        Files.writeString(file, DATA);
        return TrainingData.read(file);
    }
}
