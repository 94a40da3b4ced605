package dev.triage.tools.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.triage.tools.eval.Comparison;
import dev.triage.tools.eval.SourcePairs;
import dev.triage.tools.training.BattleFile;
import dev.triage.tools.training.PairOutcome;
import dev.triage.tools.training.ScoreFile;
import dev.triage.tools.training.TrainingData;

/**
 * {@code validate}: a router on every source it can be judged on, the way the product is judged (prompts of a kind it
 * may never have seen): per source, the strong/weak pair that source scored, the router's APGR and CPT next to random
 * and prompt length on the same rows, then the mean per kind of task.
 */
final class ValidateCommand {

    private static final int MIN_PROMPTS = 50;

    private ValidateCommand() {}

    static void run(Args args) throws Exception {
        TrainingData data = TrainingData.read(args.path("data"));
        List<SourcePairs> sources = new ArrayList<>();
        String battles = args.string("battles", null);
        if (battles != null) {
            sources.add(SourcePairs.ofBattles(
                    "alpaca_eval",
                    BattleFile.read(Path.of(battles)),
                    data.canonical(args.string("battles-strong", "gpt-4-1106-preview")),
                    data.canonical(args.string("battles-weak", "mixtral-8x7b-instruct-v0.1")),
                    data));
        }
        for (String file : args.required("scores").split(",")) {
            for (ScoreFile.Source source : ScoreFile.read(Path.of(file.strip()), data)) {
                SourcePairs.of(source, data).ifPresent(sources::add);
            }
        }
        System.out.println("| source | kind | pair | prompts | strong needed / tie / weak better "
                + "| router APGR | random | length | router CPT(50%) | length CPT(50%) |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        Map<String, List<List<Comparison.Metrics>>> byKind = new LinkedHashMap<>();
        try (LoadedRouter router = new LoadedRouter(args)) {
            for (SourcePairs source : sources) {
                if (source.rows().size() < MIN_PROMPTS || !source.strongIsBetter()) {
                    continue;
                }
                List<Comparison.Metrics> metrics = Comparison.of(
                        "router",
                        router.scores(
                                source.rows().stream().map(row -> row.prompt()).toList()),
                        source.rows());
                String kind = data.source(source.source()).kind();
                byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(metrics);
                System.out.printf(
                        Locale.ROOT,
                        "| %s | %s | %s vs %s | %d | %d / %d / %d | %.3f | %.3f | %.3f | %.1f%% | %.1f%% |%n",
                        source.source(),
                        kind,
                        source.strong(),
                        source.weak(),
                        source.rows().size(),
                        source.outcomes().get(PairOutcome.STRONG_NEEDED),
                        source.outcomes().get(PairOutcome.TIE),
                        source.outcomes().get(PairOutcome.WEAK_BETTER),
                        metrics.get(0).apgr(),
                        metrics.get(1).apgr(),
                        metrics.get(2).apgr(),
                        metrics.get(0).cpt50(),
                        metrics.get(2).cpt50());
            }
        }
        System.out.println();
        System.out.println("| kind | sources | router APGR | random | length |");
        System.out.println("|---|---|---|---|---|");
        byKind.forEach((kind, rows) -> System.out.printf(
                Locale.ROOT,
                "| %s | %d | %.3f | %.3f | %.3f |%n",
                kind,
                rows.size(),
                mean(rows, 0),
                mean(rows, 1),
                mean(rows, 2)));
    }

    private static double mean(List<List<Comparison.Metrics>> rows, int router) {
        return rows.stream()
                .mapToDouble(metrics -> metrics.get(router).apgr())
                .average()
                .orElse(Double.NaN);
    }
}
