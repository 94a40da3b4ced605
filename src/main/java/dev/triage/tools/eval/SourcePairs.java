package dev.triage.tools.eval;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.triage.tools.training.Battle;
import dev.triage.tools.training.PairOutcome;
import dev.triage.tools.training.ScoreFile;
import dev.triage.tools.training.TrainingData;

/**
 * A source's rows for the strong/weak pair it is judged on: per prompt both models scored, their scores, and how many
 * prompts needed the strong model, tied, or went better on the weak one.
 */
public record SourcePairs(
        String source, String strong, String weak, List<EvalRow> rows, Map<PairOutcome, Long> outcomes) {

    /** The pair of a scores source, if it scored a strong and a weak model on the same prompts. */
    public static Optional<SourcePairs> of(ScoreFile.Source source, TrainingData data) {
        Set<String> scored = new HashSet<>();
        source.scores().values().forEach(models -> scored.addAll(models.keySet()));
        return data.pairAmong(scored).map(pair -> {
            List<EvalRow> rows = new ArrayList<>();
            source.scores().forEach((prompt, models) -> {
                Double strong = models.get(pair.get(0));
                Double weak = models.get(pair.get(1));
                if (strong != null && weak != null) {
                    rows.add(new EvalRow("p" + rows.size(), source.key(), prompt, strong, weak));
                }
            });
            return new SourcePairs(source.key(), pair.get(0), pair.get(1), rows, outcomes(rows));
        });
    }

    /**
     * The pair of judged battles (AlpacaEval, its models under their canonical names): the share of judgments each
     * model's answer won, per prompt.
     */
    public static SourcePairs ofBattles(String source, List<Battle> battles, String strong, String weak) {
        List<EvalRow> rows = PairRows.of(battles, strong, weak, prompt -> true).stream()
                .map(row -> new EvalRow(row.id(), source, row.prompt(), row.strongScore(), row.weakScore()))
                .toList();
        return new SourcePairs(source, strong, weak, rows, outcomes(rows));
    }

    private static Map<PairOutcome, Long> outcomes(List<EvalRow> rows) {
        Map<PairOutcome, Long> counts = new java.util.EnumMap<>(PairOutcome.class);
        for (PairOutcome outcome : PairOutcome.values()) {
            counts.put(outcome, 0L);
        }
        rows.forEach(row -> counts.merge(PairOutcome.of(row.strongScore(), row.weakScore()), 1L, Long::sum));
        return counts;
    }

    /** The cells that describe this source in a table row: source, kind, pair, prompts, outcome counts. */
    public String cells(String kind) {
        return String.format(
                java.util.Locale.ROOT,
                "%s | %s | %s vs %s | %d | %d / %d / %d",
                source,
                kind,
                strong,
                weak,
                rows.size(),
                outcomes.get(PairOutcome.STRONG_NEEDED),
                outcomes.get(PairOutcome.TIE),
                outcomes.get(PairOutcome.WEAK_BETTER));
    }

    /** Whether the strong model is better on these prompts at all: a pair that is not cannot be routed. */
    public boolean strongIsBetter() {
        return rows.stream().mapToDouble(EvalRow::strongScore).sum()
                > rows.stream().mapToDouble(EvalRow::weakScore).sum();
    }
}
