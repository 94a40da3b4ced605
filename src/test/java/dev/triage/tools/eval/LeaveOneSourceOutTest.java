package dev.triage.tools.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.triage.tools.training.DifficultyHead;
import dev.triage.tools.training.PairOutcome;
import dev.triage.tools.training.TrainingData;

class LeaveOneSourceOutTest {

    @Test
    void aSourceIsScoredByAHeadThatNeverSawItsPrompts(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("data.json");
        Files.writeString(file, "{\"models\": {}, \"sources\": {}}");
        TrainingData data = TrainingData.read(file);
        // the strong model is needed where the first feature is high, in both training sources
        SourcePairs a = pairs("a", row("a1", 1, 0), row("a2", 0, 0), row("shared", 1, 0));
        SourcePairs b = pairs("b", row("b1", 1, 0), row("b2", 0, 0));
        // the held-out source holds "shared" too: it must not be learned from source a either
        SourcePairs held = pairs("held", row("h1", 1, 0), row("h2", 0, 0), row("shared", 0, 0));
        Map<String, float[]> embeddings = Map.of(
                "a1", new float[] {1, 0},
                "a2", new float[] {0, 1},
                // learning from it at all would make every weight NaN
                "shared", new float[] {Float.NaN, Float.NaN},
                "b1", new float[] {1, 0},
                "b2", new float[] {0, 1},
                "h1", new float[] {0.9f, 0},
                "h2", new float[] {0, 0.9f});
        List<SourcePairs> sources = List.of(a, b, held);
        List<DifficultyHead> folds = LeaveOneSourceOut.folds(sources, embeddings, data, 1e-3);
        double[] heldScores = LeaveOneSourceOut.scores(held, folds.get(2).classifier(0), embeddings);
        assertThat(heldScores[0]).isFinite().isGreaterThan(heldScores[1]);
        assertThat(heldScores[1]).isFinite();
        // while source a, held out in its turn, is scored by a head that learned from the held source's other prompts
        double[] aScores = LeaveOneSourceOut.scores(a, folds.get(0).classifier(0), embeddings);
        assertThat(aScores[0]).isFinite().isGreaterThan(aScores[1]);
    }

    private static EvalRow row(String prompt, double strong, double weak) {
        return new EvalRow(prompt, "", prompt, strong, weak);
    }

    private static SourcePairs pairs(String source, EvalRow... rows) {
        return new SourcePairs(source, "s", "w", List.of(rows), Map.of(PairOutcome.TIE, 0L));
    }
}
